/**
 * `npm run e2e -- --mode queue`: the package in n8n's queue mode (n8n 2.8.4: PostgreSQL, Redis,
 * main + 2 workers + 2 webhook processors) against the emulator. Imports the workflows, publishes
 * the triggers, starts everything, runs the queue suites and stops everything it started.
 */
import { startEmulator, type Emulator } from '../../emulator';
import { demoCredentials } from '../demo-credentials';
import { ensureN8n } from '../n8n-install';
import { createApiKey, ownerSession } from '../n8n-rest';
import { setActive } from './activate';
import { checkRecorder } from '../check-recorder';
import { formatDuration, say } from '../progress';
import type { CheckResult } from '../suite';
import { QueueCluster, type QueueClusterOptions } from './cluster';
import type { QueueContext, QueueSuite } from './context';
import { RunSink } from './sink';
import { pollingSuite } from './suite-polling';
import { triggerSuite } from './suite-trigger';
import { workersSuite } from './suite-workers';
import { QUEUE_WF, queueWorkflows, redisCredential } from './workflows';

export const QUEUE_SUITES: QueueSuite[] = [workersSuite, pollingSuite, triggerSuite];
export const QUEUE_VERSION = '2.8.4';

export interface QueueRunOptions extends QueueClusterOptions {
	keep?: boolean;
	suites?: string[];
}

export async function runQueueMode(options: QueueRunOptions = {}): Promise<CheckResult[]> {
	const version = QUEUE_VERSION;
	const label = `n8n ${version} queue`;
	const results: CheckResult[] = [];
	const unknown = (options.suites ?? []).filter((n) => !QUEUE_SUITES.some((s) => s.name === n));
	if (unknown.length)
		throw new Error(
			`unknown queue suite(s): ${unknown.join(', ')}; known: ${QUEUE_SUITES.map((s) => s.name).join(', ')}`,
		);
	const suites = options.suites?.length
		? QUEUE_SUITES.filter((s) => options.suites!.includes(s.name))
		: QUEUE_SUITES;
	const started = Date.now();
	const install = await ensureN8n(version);
	const cluster = new QueueCluster(install, options);
	let emu: Emulator | undefined;
	const sink = await new RunSink().start();
	let failed = false;

	const record = checkRecorder(results, `${version} queue`, label, () => (failed = true));
	const setup = async (name: string, fn: () => Promise<void>) => {
		await record('setup')(name, fn);
		if (!results[results.length - 1].ok) throw new Error(`${label}: setup step "${name}" failed`);
	};

	try {
		emu = await startEmulator({
			port: 0,
			seed: 1,
			transactions: 200,
			rateLimit: false,
			retryMinuteMs: 200,
		});
		await setup('PostgreSQL + Redis up, package in 5 user folders', () => cluster.prepare());
		const { main } = cluster;
		const redisPort = Number(cluster.queueEnv().QUEUE_BULL_REDIS_PORT);
		await setup('import credentials (PostgreSQL)', () =>
			main.importCredentials([...demoCredentials(emu!), redisCredential(redisPort)]),
		);
		await setup('import workflows', () => main.importWorkflows(queueWorkflows(sink.baseUrl)));
		let apiKey = '';
		await setup('main + 2 workers + 2 webhook processors start, owner + API key', async () => {
			await cluster.start();
			apiKey = await createApiKey(main.baseUrl, await ownerSession(main.baseUrl));
		});
		// Through the main's public API (one CLI publish costs an n8n boot each); the main stores
		// the webhooks in PostgreSQL, where the processors look them up.
		await setup('publish the trigger and worker workflows', async () => {
			for (const id of [
				QUEUE_WF.plain,
				QUEUE_WF.recipe,
				QUEUE_WF.apiToken,
				QUEUE_WF.oAuth2,
				QUEUE_WF.eInvoice,
			])
				await setActive(main.baseUrl, apiKey, id, true);
		});
		for (const suite of suites) {
			emu.reset();
			const ctx: QueueContext = {
				cluster,
				emu,
				sink,
				apiKey,
				redisPort,
				test: record(suite.name),
				report: (line) => say(label, `      ${suite.name}: ${line}`),
			};
			const before = results.length;
			let failure: string | undefined;
			try {
				await suite.run(ctx);
			} catch (e) {
				failure = (e as Error).message ?? String(e);
			}
			if (failure === undefined && results.length === before) failure = 'ran no check';
			if (failure !== undefined) {
				await record(suite.name)('suite', () => {
					throw new Error(failure);
				});
			}
		}
	} catch (e) {
		failed = true;
		if (!results.some((r) => !r.ok))
			results.push({
				version: `${version} queue`,
				suite: 'setup',
				name: 'run',
				ok: false,
				error: (e as Error).message,
				ms: 0,
			});
		say(label, `aborted: ${(e as Error).message}`);
	} finally {
		const keep = failed || options.keep === true;
		if (keep) say(label, `logs kept: ${cluster.logFiles.join(', ')}`);
		await cluster.stop(keep);
		await sink.close();
		await emu?.close();
		say(label, `done in ${formatDuration(Date.now() - started)}`);
	}
	return results;
}
