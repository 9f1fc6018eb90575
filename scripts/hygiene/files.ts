/** File listings the hygiene checks share. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function walk(dir: string): string[] {
	let out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		out = statSync(path).isDirectory() ? out.concat(walk(path)) : out.concat(path);
	}
	return out;
}

/** The shipped TypeScript sources: everything under nodes/ and credentials/. */
export function sourceFiles(root: string): string[] {
	return [...walk(join(root, 'nodes')), ...walk(join(root, 'credentials'))].filter((f) =>
		f.endsWith('.ts'),
	);
}
