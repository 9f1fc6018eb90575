/**
 * Throwaway PostgreSQL and Redis servers for queue mode: loopback only, on ports of their own,
 * data in a temp folder, nothing persisted. Each runs in its own process group, tracked by
 * command.ts so a crash or Ctrl-C of the runner still kills it; stop() ends it cleanly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { childEnv } from '../child-env';
import { runCommand, tail, trackGroup, untrackGroup } from '../command';
import { freePort } from '../ports';
import { formatDuration } from '../progress';
import type { ServerBinaries } from './system-packages';

export interface Service {
	name: string;
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

export interface PostgresService extends Service {
	user: string;
	database: string;
}

const READY_TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portTaken(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port }, () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.setTimeout(2000, () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** The requested port (refused when busy, naming the flag) or a free one. */
export async function choosePort(
	requested: number | undefined,
	flag: string,
	what: string,
): Promise<number> {
	if (requested === undefined) return freePort();
	if (await portTaken(requested))
		throw new Error(
			`${what}: port ${requested} on 127.0.0.1 is already in use; pass ${flag} <another port> (or leave it out for a free one)`,
		);
	return requested;
}

/** uid/gid of a system user from /etc/passwd, or undefined. */
function systemUser(name: string): { uid: number; gid: number } | undefined {
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith(`${name}:`));
	if (!line) return undefined;
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/** PostgreSQL refuses to run as root: use the `postgres` user the Debian package creates. */
function postgresOsUser(): { uid: number; gid: number } | undefined {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) return undefined;
	const user = systemUser('postgres');
	if (!user)
		throw new Error(
			'PostgreSQL cannot run as root and there is no "postgres" user: install the Debian package "postgresql" (it creates the user)',
		);
	return user;
}

function launch(
	name: string,
	command: string,
	args: string[],
	logFile: string,
	ids?: { uid: number; gid: number },
): { child: ChildProcess; exited: Promise<void> } {
	const log = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(command, args, {
		env: childEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
		...(ids ?? {}),
	});
	child.stdout!.pipe(log, { end: false });
	child.stderr!.pipe(log, { end: false });
	if (child.pid) trackGroup(child.pid);
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			if (child.pid) untrackGroup(child.pid);
			resolve();
		}),
	);
	child.once('error', (e) => log.write(`${name}: ${e.message}\n`));
	return { child, exited };
}

async function stopChild(
	child: ChildProcess,
	exited: Promise<void>,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	const kill = (s: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, s);
		} catch {
			// already gone
		}
	};
	kill(signal);
	const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
	if (!done) {
		kill('SIGKILL');
		await Promise.race([exited, sleep(5000)]);
	}
}

async function waitReady(
	name: string,
	probe: () => Promise<boolean>,
	exited: Promise<void>,
	logFile: string,
): Promise<void> {
	let gone = false;
	void exited.then(() => (gone = true));
	const started = Date.now();
	while (!(await probe())) {
		if (gone)
			throw new Error(
				`${name} exited at start:\n${tail(readFileSync(logFile, 'utf8'))}\nLog: ${logFile}`,
			);
		if (Date.now() - started > READY_TIMEOUT_MS)
			throw new Error(
				`${name} not ready after ${formatDuration(READY_TIMEOUT_MS)}. Log: ${logFile}`,
			);
		await sleep(200);
	}
}

/** initdb into a temp folder (trust auth, loopback only), then `postgres` on `port`. */
export async function startPostgres(
	bins: ServerBinaries,
	port: number,
	workDir: string,
): Promise<PostgresService> {
	const ids = postgresOsUser();
	const dir = mkdtempSync(join(tmpdir(), 'sepay-e2e-pg-'));
	// Ctrl-C or a crash: command.ts kills the server's process group at exit; the data goes too.
	const removeAtExit = () => rmSync(dir, { recursive: true, force: true });
	process.once('exit', removeAtExit);
	if (ids) chownSync(dir, ids.uid, ids.gid);
	const data = join(dir, 'data');
	const logFile = join(workDir, 'postgres.log');
	const user = 'n8n';
	const init = await new Promise<{ code: number | null; out: string }>((resolve) => {
		const child = spawn(
			join(bins.postgresBin, 'initdb'),
			['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
			{
				env: childEnv(),
				cwd: dir,
				stdio: ['ignore', 'pipe', 'pipe'],
				...(ids ?? {}),
			},
		);
		let out = '';
		child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
		child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
		child.once('error', (e) => resolve({ code: -1, out: e.message }));
		child.once('close', (code) => resolve({ code, out }));
	});
	if (init.code !== 0) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed (rc ${init.code}):\n${tail(init.out)}`);
	}
	// Durability is pointless for a throwaway database; these settings make it fast on a busy disk.
	const { child, exited } = launch(
		'postgres',
		join(bins.postgresBin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		logFile,
		ids,
	);
	const isReady = async () => {
		const r = await runCommand(
			join(bins.postgresBin, 'pg_isready'),
			['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres'],
			{ cwd: '/', env: childEnv(), timeoutMs: 10_000 },
		);
		return r.code === 0;
	};
	let ready = false;
	try {
		await waitReady('postgres', isReady, exited, logFile);
		ready = true;
	} finally {
		if (!ready) {
			await stopChild(child, exited, 'SIGKILL');
			rmSync(dir, { recursive: true, force: true });
		}
	}
	return {
		name: 'postgres',
		port,
		logFile,
		user,
		database: 'postgres',
		async stop() {
			// SIGINT = PostgreSQL's "fast" shutdown.
			await stopChild(child, exited, 'SIGINT');
			process.off('exit', removeAtExit);
			removeAtExit();
		},
	};
}

/** Sends PING, true on +PONG. */
function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
		socket.once('data', (b) => {
			socket.destroy();
			resolve(b.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.setTimeout(2000, () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** redis-server on `port`, loopback, in memory only (no RDB, no AOF). */
export async function startRedis(
	bins: ServerBinaries,
	port: number,
	workDir: string,
): Promise<Service> {
	const logFile = join(workDir, 'redis.log');
	const { child, exited } = launch(
		'redis',
		bins.redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
			'--dir',
			workDir,
			'--protected-mode',
			'yes',
		],
		logFile,
	);
	let ready = false;
	try {
		await waitReady('redis-server', () => redisPing(port), exited, logFile);
		ready = true;
	} finally {
		if (!ready) await stopChild(child, exited, 'SIGKILL');
	}
	return { name: 'redis', port, logFile, stop: () => stopChild(child, exited) };
}
