/**
 * Installs a pinned n8n into `<cache>/n8n-<version>` on first use (about 6 minutes cold: npm
 * install ~3.5 min, then sqlite3 compiles from source because its prebuilt binary lives on GitHub).
 * Rerun-safe: the `.installed` marker is written only after everything worked, so an interrupted
 * install is redone; a lock keeps two processes from installing into the same folder.
 *
 *   npx ts-node --transpile-only e2e/n8n-install.ts [2.8.4 2.41.1]
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { cacheDir } from './cache';
import { childEnv } from './child-env';
import { runCommand, tail } from './command';
import { withLock } from './lock';
import { ensureNode, systemNode, type NodeRuntime } from './node-runtime';
import { formatDuration, heartbeat, say } from './progress';
import { findVersion, N8N_VERSIONS } from './versions';

export interface N8nInstall {
	version: string;
	dir: string;
	/** n8n's CLI script; run it with `runtime.node`. */
	bin: string;
	runtime: NodeRuntime;
}

const MARKER = '.installed';

function hostPackageJson(version: string): string {
	// Exact version: a range would pull a newer n8n that needs a newer Node. The xlsx override
	// replaces n8n-nodes-base's CDN tarball URL, unreachable here (ENOTFOUND breaks the install).
	return `${JSON.stringify({ private: true, dependencies: { n8n: version }, overrides: { xlsx: '0.18.5' } }, null, 2)}\n`;
}

/** What npm is doing, judged from outside (npm --ignore-scripts prints nothing until the end). */
function installPhase(dir: string): string {
	return existsSync(join(dir, 'node_modules'))
		? 'downloading and unpacking'
		: 'resolving dependencies';
}

function installed(dir: string, version: string): boolean {
	try {
		return (
			JSON.parse(readFileSync(join(dir, MARKER), 'utf8')).version === version &&
			existsSync(join(dir, 'node_modules', 'n8n', 'bin', 'n8n'))
		);
	} catch {
		return false;
	}
}

async function install(version: string, dir: string, runtime: NodeRuntime): Promise<void> {
	const label = `n8n ${version}`;
	const total = Date.now();
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), hostPackageJson(version));
	const log = join(dir, 'install.log');
	say(
		label,
		`first use: installing into ${dir} on Node ${runtime.version} (about 6 minutes; log: ${log})`,
	);
	// cwd is the cache folder, so the repo's .npmrc does not apply; --ignore-scripts anyway: some
	// optional dependencies' install scripts download from the internet and fail here.
	const env = childEnv(
		runtime.binDir,
		runtime.nodedir ? { npm_config_nodedir: runtime.nodedir } : {},
	);
	let stop = heartbeat(label, 'npm install (about 3.5 minutes)', () => installPhase(dir));
	const npmInstall = await runCommand(
		'npm',
		['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
		{
			cwd: dir,
			env,
			timeoutMs: 30 * 60_000,
			logFile: log,
		},
	);
	say(label, `npm install finished in ${formatDuration(stop())}`);
	if (npmInstall.code !== 0)
		throw new Error(
			`${label}: npm install failed (rc ${npmInstall.code}${npmInstall.timedOut ? ', timed out' : ''}):\n${tail(npmInstall.stderr)}\nFull log: ${log}`,
		);
	stop = heartbeat(label, 'compiling sqlite3 (about 2 minutes)');
	const rebuild = await runCommand('npm', ['rebuild', 'sqlite3'], {
		cwd: dir,
		env,
		timeoutMs: 20 * 60_000,
		logFile: log,
	});
	say(label, `sqlite3 built in ${formatDuration(stop())}`);
	const binding = join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (rebuild.code !== 0 || !existsSync(binding))
		throw new Error(
			`${label}: npm rebuild sqlite3 failed (rc ${rebuild.code}):\n${tail(rebuild.stderr)}\nFull log: ${log}`,
		);
	const bin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const check = await runCommand(runtime.node, [bin, '--version'], {
		cwd: dir,
		env: childEnv(runtime.binDir),
		timeoutMs: 120_000,
		logFile: log,
	});
	if (check.code !== 0 || !check.stdout.includes(version))
		throw new Error(
			`${label}: installed n8n does not run:\n${tail(check.stdout + check.stderr)}\nFull log: ${log}`,
		);
	writeFileSync(
		join(dir, MARKER),
		`${JSON.stringify({ version, node: runtime.version, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - total) / 1000) })}\n`,
	);
	say(label, `installed in ${formatDuration(Date.now() - total)}`);
}

/** The installed n8n of this version, installing it first if needed. */
export async function ensureN8n(version: string): Promise<N8nInstall> {
	const spec = findVersion(version);
	const runtime = spec.nodeMajor === null ? systemNode() : await ensureNode(spec.nodeMajor);
	const dir = join(cacheDir(), `n8n-${version}`);
	const result = { version, dir, bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), runtime };
	if (installed(dir, version)) return result;
	await withLock(`${dir}.lock`, `n8n ${version}`, async () => {
		if (!installed(dir, version)) await install(version, dir, runtime);
	});
	return result;
}

if (require.main === module) {
	const versions = process.argv.slice(2).length
		? process.argv.slice(2)
		: N8N_VERSIONS.map((v) => v.version);
	(async () => {
		for (const v of versions) {
			const n = await ensureN8n(v);
			say(`n8n ${v}`, `ready: ${n.dir} (Node ${n.runtime.version})`);
		}
	})().catch((e: Error) => {
		process.stderr.write(`${e.message}\n`);
		process.exit(1);
	});
}
