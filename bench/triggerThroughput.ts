/**
 * Benchmark (figures, never assertions): executions per second of a published SePay Trigger
 * workflow against n8n's own Webhook node workflow, same burst, same real n8n (issue 7).
 *
 *   A: SePay Trigger (Manual registration, API key verification, Deduplicate on, Simplify on) → No Op
 *   B: Webhook node (POST, Respond Immediately, Response Data `{"success":true}`) → No Op
 *
 * Each round sends N distinct SePay transaction deliveries (as SePay would: JSON, with
 * `Authorization: Apikey <key>`; B gets the same requests) from 127.0.0.1 with bounded
 * concurrency (one keep-alive connection per sender), records every ack latency, then waits until N executions of that workflow have
 * finished. execs/s = finished executions ÷ (first send → last execution's stoppedAt). Rounds alternate A/B and B/A;
 * medians are reported. Prints `name: value` lines and a table:
 *   trigger_ratio_to_webhook_node (target ≥ 0.95), trigger_execs_per_sec, webhook_node_execs_per_sec,
 *   trigger_ack_p50_ms / _p99_ms, webhook_node_ack_p50_ms / _p99_ms (all rounds pooled),
 *   failed_runs = bad acks (not 200 / not {"success":true}) + executions missing or extra + executions not successful.
 * Also trigger_dedup_ids_remembered / _expected: ids in the trigger's static data afterwards (each
 * delivery is a new id; fewer remembered means concurrent static-data saves overwrote each other).
 * `--dedup-off` adds C: the SePay Trigger with Deduplicate off (shows what static-data saving costs);
 * `--seed-ids 10000` starts the trigger(s) with that many remembered ids.
 * Always also D: the SePay Trigger with its memory pre-filled to its bound (TRANSACTIONS_AT_BOUND) →
 *   trigger_ratio_full_memory (target ≥ 0.95): per-delivery cost must not grow with the memory.
 * Exit 0 whatever the figures; 1 when the benchmark could not run (n8n did not start …).
 * n8n is installed into the e2e cache on first use (about 6 minutes); dist/ must be built.
 *
 *   npm run bench:trigger
 *   npm run bench:trigger -- --version 2.8.4 --burst 500 --concurrency 10 --rounds 3 [--dedup-off] [--seed-ids 10000] [--keep]
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import { ensureN8n } from '../e2e/n8n-install';
import { N8nInstance } from '../e2e/n8n-instance';
import { createApiKey, n8nRequest, ownerSession, type ExecutionRecord } from '../e2e/n8n-rest';
import { say } from '../e2e/progress';
import { DEV_VERSION } from '../e2e/versions';
import { chain, node, ourType } from '../e2e/workflow-json';
import {
	WORKFLOW_MEMORY_CAPACITY,
	WORKFLOW_MEMORY_KEY,
} from '../nodes/SePay/transactions/workflowMemory';
import { IdMemory, storedKeys } from '../nodes/SePay/transactions/idMemory';
import { keyList, transactionKeys } from '../nodes/SePay/transactions/matching';
import { simplifyTransaction } from '../nodes/SePay/transactions/simplify';

const LABEL = 'bench:trigger';
const API_KEY = 'bench-trigger-api-key-8c1f4e7a2d9b6035';
const REQUEST_TIMEOUT_MS = 30_000; // SePay's own limit for an answer
const WHOLE_RUN_LIMIT_MS = 20 * 60_000;

interface Args {
	version: string;
	burst: number;
	concurrency: number;
	rounds: number;
	dedupOff: boolean;
	seedIds: number;
	keep: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = {
		version: DEV_VERSION,
		burst: 500,
		concurrency: 10,
		rounds: 3,
		dedupOff: false,
		seedIds: 0,
		keep: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		const value = () => inline ?? argv[++i] ?? '';
		const count = (min: number, max: number) => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < min || n > max)
				throw new Error(`${flag} takes a whole number ${min}–${max}`);
			return n;
		};
		if (flag === '--version') args.version = value();
		else if (flag === '--burst') args.burst = count(1, 20_000);
		else if (flag === '--concurrency') args.concurrency = count(1, 200);
		else if (flag === '--rounds') args.rounds = count(1, 20);
		else if (flag === '--dedup-off') args.dedupOff = true;
		else if (flag === '--seed-ids') args.seedIds = count(0, TRANSACTIONS_AT_BOUND);
		else if (flag === '--keep') args.keep = true;
		else
			throw new Error(
				`unknown argument ${argv[i]} (--version, --burst, --concurrency, --rounds, --dedup-off, --seed-ids, --keep)`,
			);
	}
	return args;
}

/** One workflow under test: how to reach it and how to tell its webhook is registered. */
export interface Target {
	key: 'trigger' | 'webhook_node' | 'trigger_dedup_off' | 'trigger_full_memory';
	title: string;
	workflowId: string;
	path: string;
	/** A request that starts no execution; its status once the webhook is live. */
	probe: RequestInit;
	liveStatus: number;
}

/** Transactions the workflow memory holds at its bound (each delivery has an id and a bank fingerprint). */
export const TRANSACTIONS_AT_BOUND = WORKFLOW_MEMORY_CAPACITY / 2;
/** Seeded ids start here: SePay's ids have 8 digits today, so the stored keys are as long as real ones. */
const FIRST_SEEDED_ID = 40_000_001;

/** The workflow's memory as stored after `count` deliveries (ids and fingerprints as the trigger stores them). */
function filledMemory(count: number): unknown {
	const store: Record<string, unknown> = {};
	const keys = Array.from({ length: count }, (_, i) => {
		const payload = JSON.parse(delivery(FIRST_SEEDED_ID + i)) as IDataObject;
		const simple = simplifyTransaction(payload);
		return keyList(
			transactionKeys({ ...simple, amount: payload.transferAmount } as never, 'sepay'),
		);
	}).flat();
	new IdMemory(store as never, WORKFLOW_MEMORY_KEY, undefined, {
		capacity: WORKFLOW_MEMORY_CAPACITY,
	}).add(...keys);
	return store[WORKFLOW_MEMORY_KEY];
}

export function sepayTrigger(id: string, webhookId: string, deduplicate: boolean, seedIds: number) {
	const workflow = chain(id, `bench: SePay Trigger (dedup ${deduplicate ? 'on' : 'off'})`, [
		node(
			'SePay Trigger',
			ourType('sePayTrigger'),
			{
				registration: 'manual',
				verification: 'apiKey',
				apiKey: API_KEY,
				direction: 'both',
				options: { deduplicate, simplify: true },
			},
			{ webhookId },
		),
		node('Done', 'n8n-nodes-base.noOp'),
	]);
	// A trigger that has run for a while: its memory is full (read and written at every delivery).
	if (seedIds > 0)
		workflow.staticData = { global: { [WORKFLOW_MEMORY_KEY]: filledMemory(seedIds) } };
	return workflow;
}

export function buildTargets(dedupOff: boolean, seedIds: number, fullMemory = true) {
	const webhookNodePath = 'sepay-bench-webhook-node';
	// Without its key the trigger answers 401 and starts nothing.
	const unauthenticated: RequestInit = {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	};
	// A CORS preflight names the path without running it: 404 until registered, then 204.
	const preflight: RequestInit = {
		method: 'OPTIONS',
		headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
	};
	const targets: Target[] = [
		{
			key: 'trigger',
			title: 'SePay Trigger',
			workflowId: 'benchSePayTrigger1',
			path: '/webhook/sepay-bench-trigger-0001/webhook',
			probe: unauthenticated,
			liveStatus: 401,
		},
		{
			key: 'webhook_node',
			title: 'Webhook node',
			workflowId: 'benchWebhookNode01',
			path: `/webhook/${webhookNodePath}`,
			probe: preflight,
			liveStatus: 204,
		},
	];
	const workflows = [
		sepayTrigger(targets[0].workflowId, 'sepay-bench-trigger-0001', true, seedIds),
		chain(targets[1].workflowId, 'bench: n8n Webhook node', [
			node(
				'Webhook',
				'n8n-nodes-base.webhook',
				{
					httpMethod: 'POST',
					path: webhookNodePath,
					responseMode: 'onReceived',
					options: { responseData: '{"success":true}' },
				},
				{ typeVersion: 2.1, webhookId: 'sepay-bench-webhook-node-0002' },
			),
			node('Done', 'n8n-nodes-base.noOp'),
		]),
	];
	if (fullMemory) {
		// The same trigger with its memory at the bound: the worst case of every delivery.
		targets.push({
			key: 'trigger_full_memory',
			title: 'SePay Trigger, memory full',
			workflowId: 'benchSePayTrigger3',
			path: '/webhook/sepay-bench-trigger-0004/webhook',
			probe: unauthenticated,
			liveStatus: 401,
		});
		workflows.push(
			sepayTrigger('benchSePayTrigger3', 'sepay-bench-trigger-0004', true, TRANSACTIONS_AT_BOUND),
		);
	}
	if (dedupOff) {
		targets.push({
			key: 'trigger_dedup_off',
			title: 'SePay Trigger, dedup off',
			workflowId: 'benchSePayTrigger2',
			path: '/webhook/sepay-bench-trigger-0003/webhook',
			probe: unauthenticated,
			liveStatus: 401,
		});
		workflows.push(sepayTrigger('benchSePayTrigger2', 'sepay-bench-trigger-0003', false, seedIds));
	}
	return { targets, workflows };
}

/** A delivery as SePay sends it; ids are unique over the whole run (dedup is on). */
function delivery(id: number): string {
	return JSON.stringify({
		id,
		gateway: 'Vietcombank',
		transactionDate: '2026-11-23 14:02:37',
		accountNumber: '0123499999',
		subAccount: null,
		code: `DH${id}`,
		content: `DH${id} bench payment`,
		transferType: 'in',
		description: `BENCH DH${id} bench payment`,
		transferAmount: 10_000 + (id % 1000),
		accumulated: 0,
		referenceCode: `FT${id}`,
	});
}

interface Ack {
	status: number;
	body: string;
	ms: number;
	error?: string;
}

function post(agent: Agent, url: URL, body: string): Promise<Ack> {
	const started = performance.now();
	return new Promise((resolve) => {
		const req = request(
			url,
			{
				method: 'POST',
				agent,
				timeout: REQUEST_TIMEOUT_MS,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					authorization: `Apikey ${API_KEY}`,
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
						ms: performance.now() - started,
					}),
				);
				res.on('error', (e) =>
					resolve({ status: 0, body: '', ms: performance.now() - started, error: e.message }),
				);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
		req.on('error', (e) =>
			resolve({ status: 0, body: '', ms: performance.now() - started, error: e.message }),
		);
		req.end(body);
	});
}

/** Sends ids[] with at most `concurrency` requests in flight (one keep-alive socket each). */
async function burst(url: URL, ids: number[], concurrency: number): Promise<Ack[]> {
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const acks: Ack[] = new Array(ids.length);
	let next = 0;
	const worker = async () => {
		while (next < ids.length) {
			const i = next++;
			acks[i] = await post(agent, url, delivery(ids[i]));
		}
	};
	try {
		await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
	} finally {
		agent.destroy();
	}
	return acks;
}

function isSePaySuccess(body: string): boolean {
	try {
		const parsed = JSON.parse(body) as unknown;
		return JSON.stringify(parsed) === '{"success":true}';
	} catch {
		return false;
	}
}

/** Finished executions of a workflow with an id above `afterId` (the public API lists no running ones). */
async function executionsSince(
	baseUrl: string,
	apiKey: string,
	workflowId: string,
	afterId: number,
): Promise<ExecutionRecord[]> {
	const found: ExecutionRecord[] = [];
	let cursor = '';
	for (let page = 0; page < 200; page++) {
		const qs = `workflowId=${encodeURIComponent(workflowId)}&includeData=false&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const r = await n8nRequest(baseUrl, 'GET', `/api/v1/executions?${qs}`, { apiKey });
		if (r.status !== 200)
			throw new Error(
				`GET /api/v1/executions: HTTP ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`,
			);
		const data = (r.json.data ?? []) as ExecutionRecord[];
		const newer = data.filter((e) => Number(e.id) > afterId);
		found.push(...newer);
		cursor = typeof r.json.nextCursor === 'string' ? r.json.nextCursor : '';
		// Newest first: once an older one shows up, the rest are older too.
		if (!cursor || newer.length < data.length || !data.length) return found;
	}
	return found;
}

async function lastExecutionId(baseUrl: string, apiKey: string): Promise<number> {
	const r = await n8nRequest(baseUrl, 'GET', '/api/v1/executions?limit=1&includeData=false', {
		apiKey,
	});
	if (r.status !== 200) throw new Error(`GET /api/v1/executions: HTTP ${r.status}`);
	const [newest] = (r.json.data ?? []) as ExecutionRecord[];
	return newest ? Number(newest.id) : 0;
}

/** Polls until `expected` executions finished, or none finished for `stallMs` (bounded either way). */
async function waitForRound(
	baseUrl: string,
	apiKey: string,
	workflowId: string,
	afterId: number,
	expected: number,
): Promise<ExecutionRecord[]> {
	const stallMs = 30_000;
	const hardLimit = Date.now() + Math.max(120_000, expected * 200);
	let seen = -1;
	let lastProgress = Date.now();
	for (;;) {
		const list = await executionsSince(baseUrl, apiKey, workflowId, afterId);
		if (list.length >= expected || Date.now() > hardLimit) break;
		if (list.length !== seen) {
			seen = list.length;
			lastProgress = Date.now();
		} else if (Date.now() - lastProgress > stallMs) break;
		await new Promise((r) => setTimeout(r, 250));
	}
	// Any execution beyond N (a delivery run twice) would show up right after: look once more.
	await new Promise((r) => setTimeout(r, 1000));
	return executionsSince(baseUrl, apiKey, workflowId, afterId);
}

export interface RoundResult {
	target: Target;
	round: number;
	execsPerSec: number;
	seconds: number;
	acks: Ack[];
	problems: string[];
	failures: number;
}

/**
 * One burst to a target and the executions it caused. `receiver` takes the deliveries; the
 * executions are read from `api` (the same n8n, or in queue mode the main).
 */
export async function runRound(
	receiver: N8nInstance,
	apiKey: string,
	target: Target,
	round: number,
	ids: number[],
	concurrency: number,
	api: N8nInstance = receiver,
): Promise<RoundResult> {
	const afterId = await lastExecutionId(api.baseUrl, apiKey);
	const firstSend = Date.now();
	const acks = await burst(new URL(`${receiver.baseUrl}${target.path}`), ids, concurrency);
	const executions = await waitForRound(
		api.baseUrl,
		apiKey,
		target.workflowId,
		afterId,
		ids.length,
	);
	const lastStop = Math.max(
		...executions.map((e) => (e.stoppedAt ? Date.parse(e.stoppedAt) : 0)),
		firstSend,
	);
	const seconds = (lastStop - firstSend) / 1000;

	const problems: string[] = [];
	const badAcks = acks.filter((a) => a.status !== 200 || !isSePaySuccess(a.body));
	if (badAcks.length) {
		const sample = badAcks[0];
		problems.push(
			`${badAcks.length} acks not 200 {"success":true} (e.g. ${sample.status} ${sample.error ?? sample.body.slice(0, 80)})`,
		);
	}
	const missing = Math.abs(executions.length - ids.length);
	if (missing) problems.push(`${executions.length} executions finished, expected ${ids.length}`);
	const unsuccessful = executions.filter((e) => e.status !== 'success');
	if (unsuccessful.length)
		problems.push(
			`${unsuccessful.length} executions ended ${[...new Set(unsuccessful.map((e) => e.status))].join('/')}`,
		);
	return {
		target,
		round,
		execsPerSec: seconds > 0 ? executions.length / seconds : 0,
		seconds,
		acks,
		problems,
		failures: badAcks.length + missing + unsuccessful.length,
	};
}

/**
 * `rounds` bursts of `burst` new ids to every target, the order alternating each round so warm-up
 * and a growing database do not favour one side; prints a line per round.
 */
export async function alternatingRounds(
	label: string,
	targets: Target[],
	args: { rounds: number; burst: number },
	firstId: number,
	run: (target: Target, round: number, ids: number[]) => Promise<RoundResult>,
): Promise<RoundResult[]> {
	const results: RoundResult[] = [];
	let nextId = firstId;
	for (let round = 1; round <= args.rounds; round++) {
		const order = round % 2 === 1 ? targets : [...targets].reverse();
		for (const target of order) {
			const ids = Array.from({ length: args.burst }, () => nextId++);
			const result = await run(target, round, ids);
			results.push(result);
			say(
				label,
				`round ${round} ${target.title}: ${fixed(result.execsPerSec)} execs/s (${fixed(result.seconds, 2)} s)${result.problems.length ? `; ${result.problems.join('; ')}` : ''}`,
			);
		}
	}
	return results;
}

export function median(values: number[]): number {
	if (!values.length) return 0;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function percentile(values: number[], p: number): number {
	if (!values.length) return 0;
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** The trigger's remembered ids after the run: fewer than it executed means concurrent saves overwrote each other. */
async function rememberedIds(
	baseUrl: string,
	cookie: string,
	workflowId: string,
): Promise<number | undefined> {
	const r = await n8nRequest(baseUrl, 'GET', `/rest/workflows/${workflowId}`, { cookie });
	const staticData = (
		r.json?.data as { staticData?: Record<string, Record<string, unknown>> } | undefined
	)?.staticData;
	if (r.status !== 200 || !staticData) return undefined;
	return storedKeys(staticData.global?.[WORKFLOW_MEMORY_KEY]).filter((key) => /^\d/.test(key))
		.length;
}

export async function waitUntilLive(n8n: N8nInstance, target: Target): Promise<void> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const status = await n8n.httpStatus(target.path, target.probe);
		if (status === target.liveStatus) return;
		if (Date.now() > deadline)
			throw new Error(
				`${target.title} webhook ${target.path} answered ${status || 'nothing'}, not ${target.liveStatus}, after 120 s. Log: ${n8n.logFile}`,
			);
		await new Promise((r) => setTimeout(r, 500));
	}
}

export function fixed(n: number, digits = 1): string {
	return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const { targets, workflows } = buildTargets(args.dedupOff, args.seedIds);
	const install = await ensureN8n(args.version);
	const n8n = await new N8nInstance(install, { label: LABEL }).init();
	let ok = false;
	try {
		say(LABEL, `n8n ${args.version}, user folder ${n8n.userFolder}`);
		await n8n.installPackage();
		await n8n.importWorkflows(workflows);
		for (const target of targets) await n8n.publish(target.workflowId);
		await n8n.start();
		const cookie = await ownerSession(n8n.baseUrl);
		const apiKey = await createApiKey(n8n.baseUrl, cookie);
		for (const target of targets) await waitUntilLive(n8n, target);
		say(
			LABEL,
			`setup done in ${Math.round((Date.now() - started) / 1000)} s; ${args.rounds} rounds × ${targets.length} workflows × ${args.burst} deliveries, concurrency ${args.concurrency}, API key verification`,
		);

		const results = await alternatingRounds(LABEL, targets, args, 1_000_001, (target, round, ids) =>
			runRound(n8n, apiKey, target, round, ids, args.concurrency),
		);

		const summary = targets.map((target) => {
			const mine = results.filter((r) => r.target === target);
			const latencies = mine.flatMap((r) => r.acks.map((a) => a.ms));
			return {
				target,
				execsPerSec: median(mine.map((r) => r.execsPerSec)),
				p50: percentile(latencies, 50),
				p99: percentile(latencies, 99),
				failures: mine.reduce((sum, r) => sum + r.failures, 0),
				perRound: mine.map((r) => fixed(r.execsPerSec)).join(' / '),
			};
		});
		const of = (key: Target['key']) => summary.find((s) => s.target.key === key)!;
		const trigger = of('trigger');
		const webhookNode = of('webhook_node');
		const kept = await rememberedIds(n8n.baseUrl, cookie, trigger.target.workflowId);
		const full = summary.find((x) => x.target.key === 'trigger_full_memory');

		console.log('');
		console.log(
			`trigger_ratio_to_webhook_node: ${fixed(webhookNode.execsPerSec > 0 ? trigger.execsPerSec / webhookNode.execsPerSec : NaN, 3)}`,
		);
		if (full)
			console.log(
				`trigger_ratio_full_memory: ${fixed(webhookNode.execsPerSec > 0 ? full.execsPerSec / webhookNode.execsPerSec : NaN, 3)}`,
			);
		console.log(`trigger_execs_per_sec: ${fixed(trigger.execsPerSec)}`);
		if (full) console.log(`trigger_full_memory_execs_per_sec: ${fixed(full.execsPerSec)}`);
		if (full) {
			// What n8n reads, rewrites and copies into each execution at the bound.
			const bytes = JSON.stringify(filledMemory(TRANSACTIONS_AT_BOUND)).length;
			console.log(`trigger_memory_kb_at_bound: ${fixed(bytes / 1024)}`);
			console.log(`trigger_memory_transactions_at_bound: ${TRANSACTIONS_AT_BOUND}`);
		}
		console.log(`webhook_node_execs_per_sec: ${fixed(webhookNode.execsPerSec)}`);
		console.log(`trigger_ack_p50_ms: ${fixed(trigger.p50)}`);
		console.log(`trigger_ack_p99_ms: ${fixed(trigger.p99)}`);
		console.log(`webhook_node_ack_p50_ms: ${fixed(webhookNode.p50)}`);
		console.log(`webhook_node_ack_p99_ms: ${fixed(webhookNode.p99)}`);
		if (args.dedupOff) {
			const off = of('trigger_dedup_off');
			console.log(`trigger_dedup_off_execs_per_sec: ${fixed(off.execsPerSec)}`);
			console.log(
				`trigger_dedup_off_ratio_to_webhook_node: ${fixed(webhookNode.execsPerSec > 0 ? off.execsPerSec / webhookNode.execsPerSec : NaN, 3)}`,
			);
		}
		if (kept !== undefined) {
			// Every delivery had a new id, so all should be remembered (up to the node's capacity).
			console.log(`trigger_dedup_ids_remembered: ${kept}`);
			console.log(
				`trigger_dedup_ids_expected: ${Math.min(args.seedIds + args.rounds * args.burst, TRANSACTIONS_AT_BOUND)}`,
			);
		}
		console.log(`failed_runs: ${summary.reduce((sum, s) => sum + s.failures, 0)}`);

		console.log('');
		console.log(
			`n8n ${args.version}, ${args.rounds} rounds × ${args.burst} deliveries, concurrency ${args.concurrency} (medians; latency over all rounds)`,
		);
		console.log('| workflow | execs/s | per round | ack p50 ms | ack p99 ms | failures |');
		console.log('| --- | --- | --- | --- | --- | --- |');
		for (const s of summary)
			console.log(
				`| ${s.target.title} | ${fixed(s.execsPerSec)} | ${s.perRound} | ${fixed(s.p50)} | ${fixed(s.p99)} | ${s.failures} |`,
			);
		for (const r of results.filter((x) => x.problems.length))
			console.log(`failure: round ${r.round} ${r.target.title}: ${r.problems.join('; ')}`);
		say(LABEL, `done in ${Math.round((Date.now() - started) / 1000)} s`);
		ok = true;
		return 0;
	} finally {
		await n8n.stop();
		if (!ok) say(LABEL, `n8n log kept: ${n8n.logFile}`);
		await n8n.dispose(!ok || args.keep);
	}
}

/** Runs `main` as a benchmark process: exit code, Ctrl-C, a whole-run limit (n8n children die with it). */
export function runBenchProcess(label: string, main: () => Promise<number>): void {
	// n8n's process group is killed by the e2e command.ts exit hook on any exit.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			process.stderr.write(`${label}: ${signal}, stopping\n`);
			process.exit(130);
		});
	}
	const watchdog = setTimeout(() => {
		process.stderr.write(`${label}: gave up after ${WHOLE_RUN_LIMIT_MS / 60_000} minutes\n`);
		process.exit(1);
	}, WHOLE_RUN_LIMIT_MS);
	watchdog.unref();
	main().then(
		(code) => process.exit(code),
		(e: Error) => {
			process.stderr.write(`${label}: could not run: ${e.message}\n`);
			process.exit(1);
		},
	);
}

if (require.main === module) runBenchProcess(LABEL, main);
