/**
 * Publishing hygiene, as n8n's verification sees the package (run after `npm run build`):
 * the scanner's lint, package.json, what `npm pack` ships (prints `packed_kb: <n>`), icons and
 * codex files, README links. Prints every failure and exits 1 if there is any.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { checkIconsAndCodex } from './iconsAndCodex';
import { checkLint } from './lint';
import { checkPack } from './pack';
import { checkPackageJson, type PackageJson } from './packageJson';
import { checkReadmeLinks } from './readmeLinks';

async function main(): Promise<number> {
	const root = resolve(__dirname, '../..');
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
	const nodes = pkg.n8n?.nodes ?? [];
	const credentials = pkg.n8n?.credentials ?? [];
	const problems: string[] = [];

	const lint = await checkLint(root);
	problems.push(...lint.problems);
	for (const note of lint.notes) console.log(note);

	problems.push(...checkPackageJson(root, pkg));

	const pack = checkPack(root, [...nodes, ...credentials]);
	problems.push(...pack.problems);
	console.log(`packed_kb: ${pack.packedKb}`);
	console.log(`packed_files: ${pack.fileCount}`);

	problems.push(...checkIconsAndCodex(root, pkg.name, nodes, credentials));
	problems.push(...checkReadmeLinks(root));

	if (problems.length) {
		console.error(`\nhygiene: ${problems.length} problem(s)`);
		for (const p of problems) console.error(`  - ${p}`);
		return 1;
	}
	console.log('hygiene: ok');
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`hygiene: could not run: ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
