/** Runs a child process with a hard time limit and captured output. */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface CommandOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	timeoutMs: number;
	/** Output is appended here as it arrives (and is still returned). */
	logFile?: string;
}

export interface CommandResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
}

export function runCommand(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
		log?.write(`\n$ ${command} ${args.join(' ')}\n`);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => {
			out.push(b);
			log?.write(b);
		});
		child.stderr.on('data', (b: Buffer) => {
			err.push(b);
			log?.write(b);
		});
		let timedOut = false;
		// detached: the child leads its own process group, so a timeout also ends its children
		// (n8n's task runner, node-gyp's compiler).
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				child.kill('SIGKILL');
			}
		}, options.timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			log?.end();
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			log?.end();
			resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
		});
	});
}

/** The last few non-empty lines of some output, for error messages. */
export function tail(text: string, lines = 15): string {
	return text.split('\n').filter((l) => l.trim()).slice(-lines).join('\n');
}
