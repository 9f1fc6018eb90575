/** Runs a child process with a hard time limit and captured output. */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/**
 * Process groups of detached children (n8n and its task runner). They do not get the terminal's
 * Ctrl-C, so whatever is still running when this process exits is killed here.
 */
const groups = new Set<number>();
process.once('exit', () => {
	for (const pid of groups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
});

export function trackGroup(pid: number): void {
	groups.add(pid);
}

export function untrackGroup(pid: number): void {
	groups.delete(pid);
}

export interface CommandOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	timeoutMs: number;
	/**
	 * Own process group (n8n: a timeout then also ends its task runner). Not for npm: a
	 * non-detached child stops with the terminal's Ctrl-C instead of installing on as an orphan.
	 */
	detached?: boolean;
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

export function runCommand(
	command: string,
	args: string[],
	options: CommandOptions,
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const detached = options.detached === true;
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached,
		});
		if (detached && child.pid) trackGroup(child.pid);
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
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				if (detached) process.kill(-child.pid!, 'SIGKILL');
				else child.kill('SIGKILL');
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
			if (child.pid) untrackGroup(child.pid);
			log?.end();
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				timedOut,
			});
		});
	});
}

/** The last few non-empty lines of some output, for error messages. */
export function tail(text: string, lines = 15): string {
	return text
		.split('\n')
		.filter((l) => l.trim())
		.slice(-lines)
		.join('\n');
}
