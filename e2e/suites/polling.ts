/**
 * SePay Polling Trigger in a real n8n (issue 7), API token: activated at runtime, its first poll
 * starts from "now" (emits nothing); a burst of transactions made between two polls comes out
 * exactly once, oldest first, nothing older; an empty poll emits nothing; the next transactions
 * continue from the cursor.
 *
 * Poll interval: n8n refuses a seconds field that is not a plain number ("at least a minute":
 * 2.8 rejects `*`, 2.41 anything but digits), but Poll Times is a list: twelve custom crons at
 * seconds 0, 5, … 55 of every minute make n8n poll every 5 s in both versions.
 */
import { assert } from '../assert';
import { credentialRef } from '../demo-credentials';
import { n8nRequest, type ExecutionRecord } from '../n8n-rest';
import { nodeItems } from '../run-data';
import type { E2ESuite, LiveContext } from '../suite';
import { chain, node, ourType } from '../workflow-json';

const WF = 'e2ePollingApiTok01';
const TRIGGER = 'SePay Polling Trigger';
const BURST = 300;
const POLL_EVERY_S = 5;
const SIMPLE_KEYS =
	'amount,balance,bank,bankAccountNumber,content,date,direction,id,paymentCode,reference,subAccount';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) until `check` returns a value. */
async function until<T>(
	what: string,
	check: () => T | undefined | Promise<T | undefined>,
	timeoutMs = 30_000,
): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(250);
	}
}

/** The trigger's items over the given executions, oldest execution first. */
function emitted(executions: ExecutionRecord[]): Array<Record<string, unknown>> {
	return [...executions]
		.sort((a, b) => Number(a.id) - Number(b.id))
		.flatMap((e) => nodeItems(e, TRIGGER));
}

async function setActive(ctx: LiveContext, active: boolean): Promise<void> {
	const res = await n8nRequest(
		ctx.n8n.baseUrl,
		'POST',
		`/api/v1/workflows/${WF}/${active ? 'activate' : 'deactivate'}`,
		{ apiKey: ctx.apiKey },
	);
	if (res.status !== 200)
		throw new Error(
			`${active ? 'activate' : 'deactivate'}: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`,
		);
}

export const suite: E2ESuite = {
	name: 'polling',
	workflows: () => [
		chain(WF, 'e2e polling: SePay Polling Trigger (API token, every 5 s)', [
			node(
				TRIGGER,
				ourType('sePayPollingTrigger'),
				{
					pollTimes: {
						item: Array.from({ length: 60 / POLL_EVERY_S }, (_, i) => ({
							mode: 'custom',
							cronExpression: `${i * POLL_EVERY_S} * * * * *`,
						})),
					},
					authentication: 'apiToken',
					direction: 'both',
					filters: {},
					options: {},
				},
				{ credentials: credentialRef('apiToken') },
			),
			node('Done', 'n8n-nodes-base.noOp'),
		]),
	],

	async live(ctx) {
		const { emu } = ctx;
		const polls = (sinceId?: string) =>
			emu.requests.filter(
				(r) =>
					r.method === 'GET' &&
					r.path === '/v2/transactions' &&
					(sinceId === undefined || r.query.since_id === sinceId),
			);
		/** Resolves once `n` polls with this cursor have started after `after` of them (so the earlier ones finished). */
		const pollsWith = (sinceId: string, n: number, after = 0) =>
			until(`${n} poll(s) with since_id=${sinceId}`, () =>
				polls(sinceId).length >= after + n ? true : undefined,
			);
		const newest = emu.state.transactions[emu.state.transactions.length - 1];
		let burst: string[] = [];

		// Activated here, not before the server start: the emulator was just reset, so the
		// cursor is a transaction that exists; other suites' transactions cannot reach it.
		await setActive(ctx, true);
		try {
			await ctx.test(
				'activation: the first poll remembers the newest transaction and emits nothing',
				async () => {
					// 2.8 polls inside the activate request; 2.41 answers first and polls right after.
					const first = await until('the first poll after activation', () => polls()[0]);
					assert.equal(
						first.query.per_page,
						'1',
						'the first poll should only read the newest transaction',
					);
					assert.equal(first.headers.authorization, `Bearer ${emu.secrets.apiToken}`);
					await pollsWith(newest.uuid, 2);
					assert.equal(
						(await ctx.executions(WF)).length,
						0,
						'a poll without new transactions started an execution',
					);
				},
			);

			await ctx.test(
				`a burst of ${BURST} transactions between two polls: every one emitted exactly once, in order, nothing older`,
				async () => {
					const made = Array.from(
						{ length: BURST },
						(_, i) =>
							emu.simulateTransaction({
								amount: 10_000 + i,
								transferType: i % 7 === 0 ? 'out' : 'in',
								content: `E2E burst ${i + 1}`,
							}).transaction,
					);
					burst = made.map((t) => t.uuid);
					const executions = await until('every burst transaction emitted', async () => {
						const list = await ctx.waitForExecutions(WF, 1, 30_000);
						return emitted(list).length >= BURST ? list : undefined;
					});
					const items = emitted(executions);
					assert.equal(
						items.length,
						BURST,
						`emitted ${items.length} items for ${BURST} new transactions`,
					);
					assert.deepEqual(
						items.map((i) => i.id),
						burst,
					);
					assert.deepEqual(
						items.map((i) => i.amount),
						made.map((t) => t.amount),
					);
					assert.deepEqual(
						items.map((i) => i.direction),
						made.map((t) => t.transferType),
					);
					assert.ok(
						items.every((i) => Object.keys(i).sort().join() === SIMPLE_KEYS),
						'an item is not in the Simplify shape',
					);
					assert.ok(
						executions.every((e) => e.status === 'success' && e.mode === 'trigger'),
						JSON.stringify(executions.map((e) => [e.status, e.mode])),
					);
					assert.equal(
						nodeItems(executions[0], 'Done').length,
						nodeItems(executions[0], TRIGGER).length,
						'the next node did not get every item',
					);
					const paged = polls(newest.uuid).filter((r) => r.query.page === '3');
					assert.ok(
						paged.length >= 1,
						`the burst poll did not page (per_page ${polls(newest.uuid).at(-1)?.query.per_page})`,
					);
				},
			);

			await ctx.test('a poll with no new transaction emits nothing', async () => {
				assert.ok(burst.length, 'needs the burst check');
				const before = (await ctx.executions(WF)).length;
				await pollsWith(burst[burst.length - 1], 2);
				assert.equal((await ctx.executions(WF)).length, before);
			});

			await ctx.test(
				'the cursor continues: 3 later transactions come out in one execution',
				async () => {
					assert.ok(burst.length, 'needs the burst check');
					const before = await ctx.executions(WF);
					const later = [1, 2, 3].map(
						(n) =>
							emu.simulateTransaction({ amount: 77_000 + n, content: `E2E later ${n}` }).transaction
								.uuid,
					);
					const after = await ctx.waitForExecutions(WF, before.length + 1, 30_000);
					const fresh = after.filter((e) => !before.some((b) => b.id === e.id));
					assert.deepEqual(
						emitted(fresh).map((i) => i.id),
						later,
					);
				},
			);
		} finally {
			await setActive(ctx, false);
		}
	},
};
