/**
 * A newer version of the packed package for the update check: the same files with the version
 * bumped to the next patch as a prerelease (0.1.0 → 0.1.1-uitest.1), packed again. A prerelease of
 * the same version (0.1.0-uitest.1) would sort below 0.1.0 and never show as an update.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { childEnv } from '../../child-env';
import { runCommand, tail } from '../../command';

export function nextTestVersion(version: string): string {
	const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
	if (!m) throw new Error(`not a version: ${version}`);
	return `${m[1]}.${m[2]}.${Number(m[3]) + 1}-uitest.1`;
}

/** Repacks `tgz` with the next test version; returns the new .tgz path and its version. */
export async function repackNewer(
	tgz: string,
	workDir: string,
): Promise<{ tgz: string; version: string }> {
	mkdirSync(workDir, { recursive: true });
	const dir = mkdtempSync(join(workDir, 'newer-'));
	const unpacked = join(dir, 'package');
	mkdirSync(unpacked);
	const untar = await runCommand('tar', ['-xzf', tgz, '-C', unpacked, '--strip-components=1'], {
		cwd: dir,
		env: childEnv(),
		timeoutMs: 60_000,
	});
	if (untar.code !== 0) throw new Error(`extracting ${tgz} failed:\n${tail(untar.stderr)}`);
	const pkgFile = join(unpacked, 'package.json');
	const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
	pkg.version = nextTestVersion(pkg.version);
	writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
	const r = await runCommand(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', dir],
		{ cwd: unpacked, env: childEnv(), timeoutMs: 120_000 },
	);
	if (r.code !== 0) throw new Error(`npm pack of the newer version failed:\n${tail(r.stderr)}`);
	const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Array<{ filename: string }>;
	return { tgz: join(dir, info[0].filename), version: pkg.version };
}
