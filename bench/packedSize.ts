/**
 * Prints `packed_kb: <n>`: the size of the package as `npm pack` would publish it (dist/ must be
 * built), and the files it ships.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

interface PackInfo {
	size: number;
	unpackedSize: number;
	files: Array<{ path: string }>;
}

export function packedSize(root = resolve(__dirname, '..')): PackInfo {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return (JSON.parse(out) as PackInfo[])[0];
}

if (require.main === module) {
	const info = packedSize();
	const outside = info.files
		.map((f) => f.path)
		.filter((p) => !/^(dist\/|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/.test(p));
	console.log(`packed_kb: ${(info.size / 1024).toFixed(1)}`);
	console.log(`unpacked_kb: ${(info.unpackedSize / 1024).toFixed(1)}`);
	console.log(
		`files: ${info.files.length}${outside.length ? ` (unexpected: ${outside.join(', ')})` : ''}`,
	);
}
