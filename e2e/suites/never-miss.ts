/**
 * Never miss a transaction (issue 15) in a real n8n: one workflow with a SePay Trigger (answered
 * when the workflow finishes, by its last node's {"success": true}) and a SePay Polling Trigger in "Only What the Webhook Missed" mode,
 * for each polling authentication (API token, OAuth2). Deliveries run once each; n8n is stopped
 * while SePay keeps creating transactions and its retries run out (the emulator's retry minute is
 * shortened); after the restart the polls emit exactly the missed ones, oldest first, once, while
 * new deliveries keep arriving. Then a crash: kill -9 while deliveries stream into the workflow
 * (its Wait node holds each run 300 ms); after the restart every created transaction has a
 * successful execution: none lost (a run cut by the kill is run by SePay's retry or the poll).
 * Runs twice are printed: a run whose end n8n recorded before the kill is remembered once n8n has
 * also saved the delivery's static data, a few ms later; a kill between the two runs it again.
 * See README "A crash must not lose a transaction".
 *
 * Poll interval: as in the polling suite, twelve custom crons make n8n poll every 5 s.
 */
import { storedKeys } from '../../nodes/SePay/transactions/idMemory';
import { WORKFLOW_MEMORY_KEY } from '../../nodes/SePay/transactions/workflowMemory';
import { assert } from '../assert';
import { say } from '../progress';
import { n8nRequest } from '../n8n-rest';
import { credentialRef, type DemoCredentialKey } from '../demo-credentials';
import type { ExecutionRecord } from '../n8n-rest';
import { nodeItems } from '../run-data';
import type { E2ESuite, LiveContext } from '../suite';
import { node, ourType } from '../workflow-json';
import type { WorkflowJson } from '../n8n-instance';

const KEY = 'e2e-never-miss-api-key';
const POLL_EVERY_S = 5;
const WEBHOOK_NODE = 'SePay Trigger';
const POLL_NODE = 'SePay Polling Trigger';
const JSON_TYPE = { 'content-type': 'application/json' };

interface Setup {
	label: string;
	workflowId: string;
	hook: string;
	authentication: 'apiToken' | 'oAuth2';
	credential: DemoCredentialKey;
}

const SETUPS: Setup[] = [
	{
		label: 'API token',
		workflowId: 'e2eNeverMissTok',
		hook: 'sepay-e2e-never-miss-token-01',
		authentication: 'apiToken',
		credential: 'apiToken',
	},
	{
		label: 'OAuth2',
		workflowId: 'e2eNeverMissOAuth',
		hook: 'sepay-e2e-never-miss-oauth-01',
		authentication: 'oAuth2',
		credential: 'oAuth2',
	},
];

const webhookPath = (hook: string) => `/webhook/${hook}/webhook`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function workflow(s: Setup): WorkflowJson {
	const webhook = node(
		WEBHOOK_NODE,
		ourType('sePayTrigger'),
		{
			registration: 'manual',
			verification: 'apiKey',
			apiKey: KEY,
			direction: 'both',
			filters: {},
			options: { acknowledge: 'workflowEnd' },
		},
		{ webhookId: s.hook, position: [0, -100] },
	);
	const poll = node(
		POLL_NODE,
		ourType('sePayPollingTrigger'),
		{
			pollTimes: {
				item: Array.from({ length: 60 / POLL_EVERY_S }, (_, i) => ({
					mode: 'custom',
					cronExpression: `${i * POLL_EVERY_S} * * * * *`,
				})),
			},
			authentication: s.authentication,
			mode: 'missed',
			lookBackMinutes: 60,
			direction: 'both',
			filters: {},
			options: {},
		},
		{ credentials: credentialRef(s.credential), position: [0, 100] },
	);
	// The work: a few hundred milliseconds per transaction, then the answer to SePay.
	const work = node(
		'Work',
		'n8n-nodes-base.wait',
		{ resume: 'timeInterval', amount: 0.3, unit: 'seconds' },
		{ typeVersion: 1.1, position: [220, 0] },
	);
	const respond = node(
		'Acknowledge SePay',
		'n8n-nodes-base.set',
		{ mode: 'raw', jsonOutput: '{\n  "success": true\n}', includeOtherFields: false, options: {} },
		{ typeVersion: 3.4, position: [440, 0] },
	);
	const to = (name: string) => ({ main: [[{ node: name, type: 'main', index: 0 }]] });
	return {
		id: s.workflowId,
		name: `e2e never miss: SePay Trigger + catch-up poll (${s.label})`,
		active: false,
		nodes: [webhook, poll, work, respond],
		connections: {
			[WEBHOOK_NODE]: to('Work'),
			[POLL_NODE]: to('Work'),
			Work: to('Acknowledge SePay'),
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

interface Run {
	id: number;
	status: string;
	via: 'webhook' | 'poll';
	reference: string;
}

/** Every execution with the transaction it ran (by bank reference, unique per emulator transaction). */
function runsOf(executions: ExecutionRecord[]): Run[] {
	return executions
		.map((e) => {
			const hook = nodeItems(e, WEBHOOK_NODE);
			const polled = nodeItems(e, POLL_NODE);
			const items = hook.length ? hook : polled;
			return items.map((item) => ({
				id: Number(e.id),
				status: e.status,
				via: (hook.length ? 'webhook' : 'poll') as Run['via'],
				reference: String(item.reference),
			}));
		})
		.flat()
		.sort((a, b) => a.id - b.id);
}

async function until<T>(
	what: string,
	check: () => Promise<T | undefined>,
	timeoutMs: number,
): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}

/** Waits until every created transaction has a successful run, then a little longer for extra ones. */
async function settledRuns(
	ctx: LiveContext,
	s: Setup,
	created: string[],
	timeoutMs = 120_000,
): Promise<Run[]> {
	await until(
		`${s.label}: a successful run for each of ${created.length} transactions`,
		async () => {
			const ok = new Set(
				runsOf(await ctx.executions(s.workflowId))
					.filter((r) => r.status === 'success')
					.map((r) => r.reference),
			);
			return created.every((ref) => ok.has(ref)) ? true : undefined;
		},
		timeoutMs,
	);
	// Two more polls: anything emitted twice would show now.
	await sleep(2 * POLL_EVERY_S * 1000 + 2000);
	return runsOf(await ctx.executions(s.workflowId));
}

function successCounts(runs: Run[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const r of runs)
		if (r.status === 'success') counts.set(r.reference, (counts.get(r.reference) ?? 0) + 1);
	return counts;
}

/** None lost, none unknown; returns how many ran more than once. */
function assertNoneLost(runs: Run[], created: string[], what: string): number {
	const counts = successCounts(runs);
	const missing = created.filter((ref) => !counts.has(ref));
	const unknown = [...counts.keys()].filter((ref) => !created.includes(ref));
	assert.deepEqual(
		{ missing, unknown },
		{ missing: [], unknown: [] },
		`${what}: transactions without a successful run`,
	);
	return [...counts.values()].filter((n) => n > 1).length;
}

function assertExactlyOnce(runs: Run[], created: string[], what: string): void {
	const successes = runs.filter((r) => r.status === 'success');
	const counts = new Map<string, number>();
	for (const r of successes) counts.set(r.reference, (counts.get(r.reference) ?? 0) + 1);
	const twice = [...counts].filter(([, n]) => n > 1).map(([ref]) => ref);
	const missing = created.filter((ref) => !counts.has(ref));
	const unknown = [...counts.keys()].filter((ref) => !created.includes(ref));
	assert.deepEqual(
		{ twice, missing, unknown },
		{ twice: [], missing: [], unknown: [] },
		`${what}: successful runs per transaction`,
	);
	assert.equal(
		successes.length,
		created.length,
		`${what}: ${created.length} created = ${successes.length} successful executions`,
	);
}

/** The workflow's shared memory as n8n saved it in the database. */
async function savedMemory(ctx: LiveContext, s: Setup): Promise<string[]> {
	const res = await n8nRequest(ctx.n8n.baseUrl, 'GET', `/api/v1/workflows/${s.workflowId}`, {
		apiKey: ctx.apiKey,
	});
	const data = (res.json?.staticData ?? {}) as Record<string, Record<string, unknown> | undefined>;
	return storedKeys(data.global?.[WORKFLOW_MEMORY_KEY]);
}

async function webhookLive(ctx: LiveContext, s: Setup): Promise<void> {
	assert.equal(
		await ctx.n8n.waitForWebhook(webhookPath(s.hook), {
			method: 'POST',
			headers: JSON_TYPE,
			body: '{}',
		}),
		401,
		`${s.label}: webhook live`,
	);
}

const referenceOf = (sim: { transaction: { referenceNumber: string } }) =>
	String(sim.transaction.referenceNumber);

export const suite: E2ESuite = {
	name: 'never-miss',
	// Its polls and webhooks see every transaction of the emulator: other suites' would be counted.
	ownInstance: true,
	workflows: () => SETUPS.map(workflow),
	publish: SETUPS.map((s) => s.workflowId),

	async live(ctx) {
		const { emu, n8n } = ctx;
		const retryMinute = emu.options.retryMinuteMs;
		// Every transaction reaches both workflows (each has a SePay webhook for every account, and polls all).
		const created: string[] = [];
		const simulate = (i: number, what: string) => {
			const sim = emu.simulateTransaction({
				amount: 10_000 + i,
				content: `NEVER MISS ${what} ${i}`,
			});
			created.push(referenceOf(sim));
			return sim;
		};

		try {
			for (const s of SETUPS) await webhookLive(ctx, s);
			// The catch-up window starts at each trigger's first poll: let it happen.
			await sleep(2 * POLL_EVERY_S * 1000);

			await ctx.test(
				'deliveries run the workflow once each (SePay answered when the workflow finishes)',
				async () => {
					for (const s of SETUPS) {
						emu.registerWebhook({
							webhook_url: `${n8n.baseUrl}${webhookPath(s.hook)}`,
							event_type: 'All',
							authen_type: 'Api_Key',
							api_key: KEY,
							request_content_type: 'Json',
						});
					}
					const ids: string[] = [];
					for (let i = 0; i < 4; i++) {
						const sim = simulate(i, 'live');
						ids.push(String(sim.transaction.id));
						const deliveries = await sim.settled;
						assert.equal(
							deliveries.length,
							SETUPS.length,
							`transaction ${i}: one delivery per workflow`,
						);
						for (const d of deliveries)
							assert.equal(d.status, 'success', `delivery ${i}: ${d.status}`);
					}
					for (const s of SETUPS) {
						assertExactlyOnce(await settledRuns(ctx, s, created), created, s.label);
						// What a restart starts from: every delivered transaction is in the database.
						const saved = await savedMemory(ctx, s);
						const unsaved = ids.filter((id) => !saved.includes(id));
						// n8n 2.41 skips the save after the answer in lastNode mode; the trigger's step in the
						// run writes the entries into the run's static data instead (trigger/persistInRun.ts).
						// KNOWN ISSUE (2.41): runs that overlap save whole static-data copies, the last one
						// wins, so an entry can wait for the next save (seen: 1 of 8). Printed there; the
						// restart check below still asserts exactly-once on every version.
						if (!ctx.version.startsWith('2.8.')) {
							say(
								`n8n ${ctx.version}`,
								`never_miss_unsaved_memory{${s.label}}: ${unsaved.length} of ${ids.length}`,
							);
							continue;
						}
						assert.deepEqual(
							unsaved,
							[],
							`${s.label}: delivered ids missing from the saved memory`,
						);
					}
				},
			);

			await ctx.test(
				"n8n down past SePay's retries: after the restart the polls emit exactly the missed transactions, in order, once",
				async () => {
					emu.options.retryMinuteMs = 100; // 8 attempts in ~3.3 s
					await n8n.stop();
					const missed: string[] = [];
					const pending: Array<Promise<unknown>> = [];
					for (let i = 0; i < 4; i++) {
						const sim = simulate(i, 'missed');
						missed.push(referenceOf(sim));
						pending.push(sim.settled);
					}
					const settled = (await Promise.all(pending)).flat() as Array<{ status: string }>;
					assert.ok(
						settled.length > 0 && settled.every((d) => d.status === 'failed'),
						'SePay gave up on every delivery',
					);
					emu.options.retryMinuteMs = retryMinute;
					await n8n.start();
					for (const s of SETUPS) await webhookLive(ctx, s);
					// Deliveries keep arriving while the polls catch up.
					for (let i = 0; i < 3; i++) await simulate(i, 'after restart').settled;
					for (const s of SETUPS) {
						const runs = await settledRuns(ctx, s, created);
						assertExactlyOnce(runs, created, s.label);
						// (A delivery may lose the race against a poll: it then runs by the poll, still once.)
						const polled = runs
							.filter(
								(r) => r.status === 'success' && r.via === 'poll' && missed.includes(r.reference),
							)
							.map((r) => r.reference);
						assert.deepEqual(
							polled,
							missed,
							`${s.label}: the missed transactions came from the poll, oldest first`,
						);
					}
				},
			);

			await ctx.test(
				'kill -9 while deliveries stream: every created transaction has a successful execution (none lost)',
				async () => {
					// Retries outlive the restart (SePay's schedule, 1 "minute" = 2 s: about 66 s in all).
					emu.options.retryMinuteMs = 2000;
					const streamed: Array<Promise<unknown>> = [];
					for (let i = 0; i < 30; i++) {
						const sim = simulate(i, 'crash');
						streamed.push(sim.settled);
						if (i === 12) await n8n.kill();
						await sleep(50);
					}
					await sleep(2000);
					await n8n.start();
					for (const setup of SETUPS) await webhookLive(ctx, setup);
					await Promise.all(streamed);
					for (const setup of SETUPS) {
						const twice = assertNoneLost(
							await settledRuns(ctx, setup, created, 180_000),
							created,
							`${setup.label} after kill -9`,
						);
						// Printed, not asserted: n8n saves the execution, then the delivery's static data; a
						// kill between the two (a few ms) leaves a finished run unremembered, and SePay's
						// retry or the poll runs it again (README "A crash must not lose a transaction").
						console.log(
							`never_miss_kill9_ran_twice{${setup.label}}: ${twice} of ${created.length}`,
						);
					}
				},
			);
		} finally {
			emu.options.retryMinuteMs = retryMinute;
		}
	},
};
