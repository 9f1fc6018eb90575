/**
 * The `npm start` stack (e2e/start.ts) as users run it, on free ports and a fresh user
 * folder: started as a child process, ready when it prints its banner, stopped with SIGINT (its
 * own Ctrl-C path stops n8n and the emulator).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../cache';
import { freePorts } from '../ports';

export interface Stack {
	editorUrl: string;
	emulatorUrl: string;
	email: string;
	password: string;
	userFolder: string;
	logFile: string;
	stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
		const timer = setTimeout(() => resolve(false), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

export async function startStack(root: string, timeoutMs = 15 * 60_000): Promise<Stack> {
	const [emulatorPort, n8nPort] = await freePorts(2);
	const userFolder = join(root, `n8n-${Date.now()}`);
	mkdirSync(userFolder, { recursive: true });
	const logFile = join(root, 'npm-start.log');
	const log = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(
		process.execPath,
		[
			join(REPO_ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'),
			'--transpile-only',
			join(REPO_ROOT, 'e2e', 'start.ts'),
			'--port',
			String(emulatorPort),
			'--n8n-port',
			String(n8nPort),
		],
		{
			cwd: REPO_ROOT,
			env: { ...process.env, SEPAY_START_USER_FOLDER: userFolder },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	child.stdout!.pipe(log, { end: false });
	child.stderr!.pipe(log, { end: false });
	let output = '';
	const stop = async () => {
		if (child.exitCode !== null) return;
		child.kill('SIGINT');
		if (!(await waitForExit(child, 30_000))) {
			child.kill('SIGKILL');
			await waitForExit(child, 5_000);
		}
	};
	const banner = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(
			() =>
				reject(new Error(`npm start printed no banner in ${timeoutMs / 1000} s; see ${logFile}`)),
			timeoutMs,
		);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			process.stdout.write(
				chunk
					.toString()
					.split('\n')
					.filter((l) => l.startsWith('['))
					.map((l) => `  ${l}\n`)
					.join(''),
			);
			if (/Ctrl-C stops n8n and the emulator/.test(output)) {
				clearTimeout(timer);
				resolve(output);
			}
		};
		child.stdout!.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`npm start exited (${code}) before it was ready; see ${logFile}`));
		});
	}).catch(async (error) => {
		await stop();
		throw error;
	});
	const pick = (re: RegExp, what: string) => {
		const m = re.exec(banner);
		if (!m) throw new Error(`npm start's banner has no ${what}; see ${logFile}`);
		return m[1];
	};
	const [email, password] = pick(/sign in:\s+(\S+ \/ \S+)/, 'sign-in line').split(' / ');
	return {
		editorUrl: pick(/n8n editor:\s+(\S+?)\/?\s*\n/, 'editor URL'),
		emulatorUrl: pick(/SePay emulator:\s+(\S+)/, 'emulator URL'),
		email,
		password,
		userFolder,
		logFile,
		stop,
	};
}
