/**
 * The package the way users get it: `npm pack` of the built repo (dist/ must exist: run
 * `npm run build` first), extracted into `<userFolder>/.n8n/nodes/node_modules/<name>`, where n8n
 * loads community packages from. Types are then named `n8n-nodes-sepay.<node name>`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from './cache';
import { childEnv } from './child-env';
import { runCommand, tail } from './command';

export const PACKAGE_NAME: string = JSON.parse(
	readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'),
).name;

let packed: Promise<string> | null = null;

/**
 * Every file package.json's "n8n" section lists must be in the tarball: a missing one means n8n
 * would skip the whole package (dist/ half built, or rebuilt while packing).
 */
async function assertComplete(tgz: string): Promise<void> {
	const r = await runCommand('tar', ['-tzf', tgz], {
		cwd: REPO_ROOT,
		env: childEnv(),
		timeoutMs: 60_000,
	});
	const files = new Set(r.stdout.split('\n').map((l) => l.trim().replace(/^package\//, '')));
	const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const listed = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = listed.filter((f) => !files.has(f.replace(/^\.\//, '')));
	if (r.code !== 0 || !listed.length || missing.length) {
		throw new Error(
			`the packed package misses ${missing.join(', ') || 'its n8n file list'}: run \`npm run build\` (and nothing else rebuilding dist/ meanwhile)`,
		);
	}
}

/** Packs the repo once per process; returns the .tgz path. */
export function packRepo(): Promise<string> {
	packed ??= (async () => {
		if (!existsSync(join(REPO_ROOT, 'dist')))
			throw new Error('dist/ is missing: run `npm run build` first');
		const dest = mkdtempSync(join(tmpdir(), 'sepay-pack-'));
		// cwd is the repo: its .npmrc (ignore-scripts) applies, so packing runs no lifecycle script.
		const r = await runCommand('npm', ['pack', '--json', '--pack-destination', dest], {
			cwd: REPO_ROOT,
			env: childEnv(),
			timeoutMs: 120_000,
		});
		if (r.code !== 0) throw new Error(`npm pack failed:\n${tail(r.stderr)}`);
		const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Array<{ filename: string }>;
		process.on('exit', () => rmSync(dest, { recursive: true, force: true }));
		const tgz = join(dest, info[0].filename);
		await assertComplete(tgz);
		return tgz;
	})();
	return packed;
}

/** Extracts the packed package into n8n's community nodes folder of this user folder. */
export async function installPackageInto(userFolder: string): Promise<string> {
	const tgz = await packRepo();
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const r = await runCommand('tar', ['-xzf', tgz, '-C', target, '--strip-components=1'], {
		cwd: userFolder,
		env: childEnv(),
		timeoutMs: 60_000,
	});
	if (r.code !== 0) throw new Error(`extracting ${tgz} failed:\n${tail(r.stderr)}`);
	return target;
}
