/**
 * One real n8n: a fresh user folder (SQLite inside), a fixed encryption key, loopback-only
 * ports chosen at runtime, our package installed as users get it, CLI wrappers and a server.
 * All output of n8n goes to `<userFolder>/n8n.log` (printed in errors).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './cache';
import { childEnv } from './child-env';
import { runCommand, tail, trackGroup, untrackGroup, type CommandResult } from './command';
import { parseExecuteOutput } from './execute-output';
import { executionSucceeded } from './run-data';
import type { N8nInstall } from './n8n-install';
import { installPackageInto } from './package-tarball';
import { freePorts } from './ports';
import { formatDuration, say } from './progress';

export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	/** Plain data: `import:credentials` encrypts it with the instance's key. */
	data: Record<string, unknown>;
	/** ISO times; the editor pre-selects the most recently updated credential a new node can use. */
	createdAt?: string;
	updatedAt?: string;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ExecuteResult {
	ok: boolean;
	code: number | null;
	/** The parsed JSON n8n printed (run data), undefined when none. */
	output: unknown;
	stdout: string;
	stderr: string;
}

export interface InstanceOptions {
	/** Use this user folder (kept); default a fresh folder under <repo>/.tmp/e2e/ (removed by dispose). */
	userFolder?: string;
	/** Server port; default a free one. */
	port?: number;
	encryptionKey?: string;
	/** Extra environment for n8n. */
	env?: Record<string, string>;
	/** Prefix of progress lines. */
	label?: string;
	/** Also copy the server's output to this process's stdout. */
	echo?: boolean;
	/**
	 * What start() runs: `start` (main, default), or in queue mode `worker` (health server on
	 * `port`) or `webhook` (a webhook processor on `port`).
	 */
	command?: 'start' | 'worker' | 'webhook';
	/** A command the server is started through (it must exec its arguments), e.g. a private mount namespace. */
	wrap?: string[];
}

const CLI_TIMEOUT_MS = 180_000;

export class N8nInstance {
	readonly userFolder: string;

	readonly logFile: string;

	readonly label: string;

	port = 0;

	private brokerPort = 0;

	private cliBrokerPort = 0;

	private server: ChildProcess | null = null;

	private serverExit: Promise<void> | null = null;

	private readonly ownsFolder: boolean;

	constructor(
		readonly install: N8nInstall,
		private readonly options: InstanceOptions = {},
	) {
		this.label = options.label ?? `n8n ${install.version}`;
		if (options.userFolder) {
			this.userFolder = options.userFolder;
			this.ownsFolder = false;
		} else {
			const root = join(REPO_ROOT, '.tmp', 'e2e');
			mkdirSync(root, { recursive: true });
			this.userFolder = mkdtempSync(join(root, `n8n-${install.version}-`));
			this.ownsFolder = true;
		}
		mkdirSync(this.userFolder, { recursive: true });
		this.logFile = join(this.userFolder, 'n8n.log');
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Picks the ports; call once before anything else. */
	async init(): Promise<this> {
		const [port, broker, cliBroker] = await freePorts(3);
		this.port = this.options.port ?? port;
		this.brokerPort = broker;
		this.cliBrokerPort = cliBroker;
		return this;
	}

	env(forCli: boolean): NodeJS.ProcessEnv {
		return childEnv(this.install.runtime.binDir, {
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.options.encryptionKey ?? 'sepay-e2e-fixed-encryption-key-0001',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			// info, not warn: `execute` prints its JSON through the logger.
			N8N_LOG_LEVEL: 'info',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			// A CLI command started while the server runs needs a broker port of its own.
			N8N_RUNNERS_BROKER_PORT: String(forCli && this.server ? this.cliBrokerPort : this.brokerPort),
			...this.options.env,
		});
	}

	/** `npm pack`ed package extracted into <userFolder>/.n8n/nodes/node_modules/. */
	async installPackage(): Promise<string> {
		return installPackageInto(this.userFolder);
	}

	async cli(args: string[], timeoutMs = CLI_TIMEOUT_MS): Promise<CommandResult> {
		const r = await runCommand(this.install.runtime.node, [this.install.bin, ...args], {
			cwd: this.userFolder,
			env: this.env(true),
			timeoutMs,
			logFile: this.logFile,
			detached: true,
		});
		if (r.timedOut)
			throw new Error(
				`${this.label}: n8n ${args[0]} timed out after ${formatDuration(timeoutMs)}. Log: ${this.logFile}`,
			);
		return r;
	}

	private async cliOrThrow(args: string[]): Promise<CommandResult> {
		const r = await this.cli(args);
		if (r.code !== 0)
			throw new Error(
				`${this.label}: n8n ${args.join(' ')} failed (rc ${r.code}):\n${tail(r.stdout + r.stderr)}\nLog: ${this.logFile}`,
			);
		return r;
	}

	private writeTemp(name: string, content: unknown): string {
		const dir = join(this.userFolder, 'import');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, name);
		writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	async importCredentials(list: CredentialJson[]): Promise<void> {
		if (!list.length) return;
		const file = this.writeTemp(`credentials-${Date.now()}.json`, list);
		try {
			await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true }); // holds secrets in clear
		}
	}

	/** One CLI call for all workflows (each costs a 5–8 s boot). Imported inactive. */
	async importWorkflows(list: WorkflowJson[]): Promise<void> {
		if (!list.length) return;
		const dir = join(this.userFolder, 'import', `workflows-${Date.now()}`);
		mkdirSync(dir, { recursive: true });
		list.forEach((wf, i) =>
			writeFileSync(
				join(dir, `${String(i).padStart(3, '0')}-${wf.id}.json`),
				JSON.stringify(wf, null, 2),
			),
		);
		try {
			await this.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/** `n8n execute --id X --rawOutput`: ok = rc 0; output = the JSON it printed. */
	async execute(workflowId: string, timeoutMs = CLI_TIMEOUT_MS): Promise<ExecuteResult> {
		const r = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs);
		const output = parseExecuteOutput(r.stdout);
		// Under load, 2.41.1's CLI has been seen to end by a signal while shutting down *after*
		// printing a finished, successful execution; that run did succeed.
		const reportedSuccess = r.code === null && r.signal !== null && executionSucceeded(output);
		return {
			ok: r.code === 0 || reportedSuccess,
			code: r.code,
			output,
			stdout: r.stdout,
			stderr: r.stderr,
		};
	}

	/** Activates a workflow; the server must be (re)started afterwards to see it. */
	async publish(workflowId: string): Promise<void> {
		await this.cliOrThrow(['publish:workflow', `--id=${workflowId}`]);
	}

	/** `n8n start` in the background; resolves when the REST API answers (bounded). */
	async start(timeoutMs = 120_000): Promise<void> {
		if (this.server) throw new Error(`${this.label}: already started`);
		const command = this.options.command ?? 'start';
		const log = createWriteStream(this.logFile, { flags: 'a' });
		log.write(`\n$ n8n ${command} (port ${this.port})\n`);
		const started = Date.now();
		const [program, ...args] = [
			...(this.options.wrap ?? []),
			this.install.runtime.node,
			this.install.bin,
			command,
		];
		const child = spawn(program, args, {
			cwd: this.userFolder,
			env: this.env(false),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		child.stdout!.pipe(log, { end: false });
		child.stderr!.pipe(log, { end: false });
		if (this.options.echo) {
			child.stdout!.pipe(process.stdout, { end: false });
			child.stderr!.pipe(process.stderr, { end: false });
		}
		this.server = child;
		if (child.pid) trackGroup(child.pid);
		this.serverExit = new Promise((resolve) =>
			child.once('exit', () => {
				if (child.pid) untrackGroup(child.pid);
				resolve();
			}),
		);
		let exited = false;
		void this.serverExit.then(() => {
			exited = true;
			this.server = null;
		});
		// /healthz/readiness answers before the REST routes exist; /rest/settings is public (main only).
		const ready = async () =>
			(await this.httpStatus('/healthz/readiness')) === 200 &&
			(command !== 'start' || (await this.httpStatus('/rest/settings')) === 200);
		while (!(await ready())) {
			if (exited)
				throw new Error(`${this.label}: n8n ${command} exited early. Log: ${this.logFile}`);
			if (Date.now() - started > timeoutMs) {
				await this.stop();
				throw new Error(
					`${this.label}: not ready after ${formatDuration(timeoutMs)}. Log: ${this.logFile}`,
				);
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		say(this.label, `server ready at ${this.baseUrl} in ${formatDuration(Date.now() - started)}`);
	}

	/** Status of a request to the server, or 0 when it does not answer. */
	async httpStatus(path: string, init: RequestInit = {}): Promise<number> {
		try {
			const res = await fetch(`${this.baseUrl}${path}`, {
				...init,
				signal: AbortSignal.timeout(5000),
			});
			await res.arrayBuffer();
			return res.status;
		} catch {
			return 0;
		}
	}

	/**
	 * Waits until a production webhook is registered: /healthz/readiness can answer before the
	 * active workflows are, and an unregistered webhook answers 404. `init` is a request the
	 * trigger refuses without starting a run (e.g. a POST without its key → 401).
	 */
	async waitForWebhook(path: string, init: RequestInit, timeoutMs = 120_000): Promise<number> {
		const started = Date.now();
		for (;;) {
			const status = await this.httpStatus(path, init);
			if (status !== 404 && status !== 0) return status;
			if (Date.now() - started > timeoutMs)
				throw new Error(
					`${this.label}: webhook ${path} still ${status || 'unreachable'} after ${formatDuration(timeoutMs)}. Log: ${this.logFile}`,
				);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	/** SIGTERM to n8n and its task runner, SIGKILL after a bounded wait. */
	async stop(timeoutMs = 20_000): Promise<void> {
		const child = this.server;
		if (!child || !this.serverExit) return;
		const signal = (s: NodeJS.Signals) => {
			try {
				process.kill(-child.pid!, s);
			} catch {
				// already gone
			}
		};
		signal('SIGTERM');
		const done = await Promise.race([
			this.serverExit.then(() => true),
			new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
		]);
		if (!done) {
			signal('SIGKILL');
			await Promise.race([this.serverExit, new Promise((r) => setTimeout(r, 5000))]);
		}
		this.server = null;
	}

	/** SIGKILL to n8n and its task runner at once (a crash: nothing is shut down cleanly). */
	async kill(timeoutMs = 10_000): Promise<void> {
		const child = this.server;
		if (!child || !this.serverExit) return;
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// already gone
		}
		await Promise.race([this.serverExit, new Promise((r) => setTimeout(r, timeoutMs))]);
		this.server = null;
	}

	/** Resolves when the server process ends (at once when none runs). */
	whenStopped(): Promise<void> {
		return this.serverExit ?? Promise.resolve();
	}

	get running(): boolean {
		return this.server !== null;
	}

	/** Stops the server and removes a folder this instance created (kept when `keep`). */
	async dispose(keep = false): Promise<void> {
		await this.stop();
		if (this.ownsFolder && !keep) rmSync(this.userFolder, { recursive: true, force: true });
	}
}
