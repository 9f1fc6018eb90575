/** Runs the suites against one n8n version: one instance, one emulator, one server start. */
import { startEmulator, type Emulator } from '../emulator';
import { demoCredentials } from './demo-credentials';
import { ensureN8n } from './n8n-install';
import { N8nInstance, type CredentialJson, type WorkflowJson } from './n8n-instance';
import {
	createApiKey,
	listExecutions,
	n8nRequest,
	ownerSession,
	waitForExecutions,
} from './n8n-rest';
import { checkRecorder } from './check-recorder';
import { formatDuration, say } from './progress';
import type {
	BaseContext,
	CheckResult,
	E2ESuite,
	HeadlessContext,
	LiveContext,
	SuiteEnv,
} from './suite';

export interface VersionRunOptions {
	keep?: boolean;
}

function uniqueById<T extends { id: string }>(list: T[], what: string): T[] {
	const seen = new Map<string, T>();
	for (const x of list) {
		if (!/^[A-Za-z0-9]{1,21}$/.test(x.id))
			throw new Error(`${what} id "${x.id}": use 1–21 letters or digits`);
		if (seen.has(x.id)) throw new Error(`${what} id "${x.id}" is used twice`);
		seen.set(x.id, x);
	}
	return [...seen.values()];
}

export async function runVersion(
	version: string,
	suites: E2ESuite[],
	options: VersionRunOptions = {},
): Promise<CheckResult[]> {
	const results: CheckResult[] = [];
	const label = `n8n ${version}`;
	const started = Date.now();
	const install = await ensureN8n(version);
	const emu: Emulator = await startEmulator({
		port: 0,
		seed: 1,
		transactions: 200,
		rateLimit: false,
		retryMinuteMs: 200,
	});
	const n8n = await new N8nInstance(install, { label }).init();
	let failed = false;

	const record = checkRecorder(results, version, label, () => (failed = true));
	/** A suite part: its checks are recorded by ctx.test; a throw outside them or no check at all fails. */
	const part = async (suite: E2ESuite, which: string, fn: () => Promise<void>) => {
		const before = results.length;
		let failure: string | undefined;
		try {
			await fn();
		} catch (e) {
			failure = (e as Error).message ?? String(e);
		}
		if (failure === undefined && results.length === before) failure = 'ran no check (ctx.test)';
		if (failure !== undefined) {
			await record(suite.name)(`${which} part`, () => {
				throw new Error(failure);
			});
		}
	};
	/** A setup step failing fails every check of the version, visibly. */
	const setupStep = async (name: string, fn: () => Promise<void>) => {
		await record('setup')(name, fn);
		if (results[results.length - 1].ok === false)
			throw new Error(`${label}: setup step "${name}" failed`);
	};

	try {
		say(label, `user folder ${n8n.userFolder}, emulator ${emu.baseUrl}`);
		const env: SuiteEnv = { emu, n8nBaseUrl: n8n.baseUrl };
		await setupStep(
			'package installed from npm pack',
			async () => void (await n8n.installPackage()),
		);
		const credentials: CredentialJson[] = uniqueById(
			[...demoCredentials(emu), ...suites.flatMap((s) => s.credentials?.(env) ?? [])],
			'credential',
		);
		await setupStep(`import ${credentials.length} credentials`, () =>
			n8n.importCredentials(credentials),
		);
		const workflows: WorkflowJson[] = uniqueById(
			suites.flatMap((s) => s.workflows?.(env) ?? []),
			'workflow',
		);
		await setupStep(`import ${workflows.length} workflows`, () => n8n.importWorkflows(workflows));

		for (const suite of suites.filter((s) => s.headless)) {
			emu.reset();
			const ctx: HeadlessContext = { ...base(suite), execute: (id) => n8n.execute(id) };
			await part(suite, 'headless', () => suite.headless!(ctx));
		}

		const live = suites.filter((s) => s.live);
		if (live.length) {
			for (const id of suites.flatMap((s) => s.publish ?? []))
				await setupStep(`publish ${id}`, () => n8n.publish(id));
			let apiKey = '';
			let cookie = '';
			await setupStep('server starts, owner + API key', async () => {
				await n8n.start();
				cookie = await ownerSession(n8n.baseUrl);
				apiKey = await createApiKey(n8n.baseUrl, cookie);
			});
			for (const suite of live) {
				emu.reset();
				const ctx: LiveContext = {
					...base(suite),
					apiKey,
					cookie,
					request: (method, path, body) => n8nRequest(n8n.baseUrl, method, path, { cookie, body }),
					executions: (id) => listExecutions(n8n.baseUrl, apiKey, id),
					waitForExecutions: (id, count, timeoutMs) =>
						waitForExecutions(n8n.baseUrl, apiKey, id, count, timeoutMs),
				};
				await part(suite, 'live', () => suite.live!(ctx));
			}
		}
	} catch (e) {
		failed = true;
		if (!results.some((r) => !r.ok))
			results.push({
				version,
				suite: 'setup',
				name: 'run',
				ok: false,
				error: (e as Error).message,
				ms: 0,
			});
		say(label, `aborted: ${(e as Error).message}`);
	} finally {
		await n8n.stop();
		await emu.close();
		if (failed) say(label, `n8n log kept: ${n8n.logFile}`);
		await n8n.dispose(failed || options.keep);
		say(label, `done in ${formatDuration(Date.now() - started)}`);
	}
	return results;

	function base(suite: E2ESuite): BaseContext {
		return { version, n8n, emu, test: record(suite.name) };
	}
}
