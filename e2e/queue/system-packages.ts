/**
 * Redis and PostgreSQL binaries for queue mode, from Debian's packages. Missing ones are
 * installed with apt-get when this process is root (CI); otherwise the error names the package.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { childEnv } from '../child-env';
import { runCommand, tail } from '../command';
import { say } from '../progress';

const APT_TIMEOUT_MS = 15 * 60_000;

export interface ServerBinaries {
	redisServer: string;
	/** Folder with initdb, postgres, pg_isready. */
	postgresBin: string;
}

function findRedis(): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/local/bin'])) {
		const file = join(dir, 'redis-server');
		if (dir && existsSync(file)) return file;
	}
	return undefined;
}

/** The newest /usr/lib/postgresql/<major>/bin holding initdb (Debian's layout). */
function findPostgres(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter(
			(v) =>
				/^\d+$/.test(v) &&
				existsSync(join(root, v, 'bin', 'initdb')) &&
				existsSync(join(root, v, 'bin', 'postgres')),
		)
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

let aptUpdated = false;

async function aptInstall(pkg: string): Promise<void> {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !existsSync('/usr/bin/apt-get')) {
		throw new Error(
			`queue mode needs the Debian package "${pkg}" (not installed): run \`apt-get install -y ${pkg}\` as root`,
		);
	}
	// Another apt run (e.g. a parallel job) may hold the dpkg lock: wait for it, bounded.
	const apt = (args: string[]) =>
		runCommand('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
			cwd: '/',
			env: { ...childEnv(), DEBIAN_FRONTEND: 'noninteractive' },
			timeoutMs: APT_TIMEOUT_MS,
		});
	if (!aptUpdated) {
		say('queue', 'apt-get update');
		await apt(['update']);
		aptUpdated = true;
	}
	say('queue', `apt-get install -y ${pkg}`);
	const r = await apt(['install', '-y', '--no-install-recommends', pkg]);
	if (r.code !== 0)
		throw new Error(
			`apt-get install -y ${pkg} failed (rc ${r.code}):\n${tail(r.stdout + r.stderr)}`,
		);
}

/** Finds redis-server and PostgreSQL's binaries, installing their packages when missing. */
export async function ensureServerBinaries(): Promise<ServerBinaries> {
	if (!findRedis()) await aptInstall('redis-server');
	if (!findPostgres()) await aptInstall('postgresql');
	const redisServer = findRedis();
	const postgresBin = findPostgres();
	if (!redisServer)
		throw new Error('redis-server not found after installing the Debian package "redis-server"');
	if (!postgresBin)
		throw new Error(
			'PostgreSQL binaries (initdb, postgres) not found in /usr/lib/postgresql/<major>/bin after installing the Debian package "postgresql"',
		);
	return { redisServer, postgresBin };
}
