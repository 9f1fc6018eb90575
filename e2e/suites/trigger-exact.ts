/**
 * Exact transaction ids in a real n8n (issue 11): a published SePay Trigger receives deliveries
 * whose ids JSON.parse would merge (past 2^53; "00012345" vs 12345). Each must run as its own
 * execution with the id exactly as sent, a replay must not run again, a body nested 20,000 levels
 * is refused without a run (n8n's execution list stays readable), and a non-ASCII API key sent as
 * UTF-8 bytes is accepted.
 */
import { assert } from '../assert';
import { nodeItems } from '../run-data';
import type { E2ESuite, LiveContext } from '../suite';
import { apiKeyTriggerWorkflow } from './support/trigger-workflows';

const WORKFLOW_ID = 'e2eTriggerExact1';
const WEBHOOK_ID = 'sepay-e2e-trigger-exact-0001';
const API_KEY = 'khóa-bí-mật-🔑-e2e-exact';
const PATH = `/webhook/${WEBHOOK_ID}/webhook`;
/** How long a run started by a request would take to show up in the executions list. */
const STRAGGLER_WAIT_MS = 3000;

/** The key's UTF-8 bytes as fetch sends a header (one byte per character). */
const AUTHORIZATION = Buffer.from(`Apikey ${API_KEY}`, 'utf8').toString('latin1');

/** A SePay delivery with `id` spliced in as a raw JSON token. */
function body(idToken: string, extra = ''): string {
	return (
		`{"id":${idToken},"gateway":"ACB","transactionDate":"2026-11-23 10:00:00","accountNumber":"0123499999",` +
		`"subAccount":null,"code":null,"content":"e2e exact id","transferType":"in","description":"",` +
		`"transferAmount":50000,"accumulated":9007199254740993,"referenceCode":"FT-E2E"${extra}}`
	);
}

async function deliver(ctx: LiveContext, text: string): Promise<{ status: number; body: string }> {
	const res = await fetch(`${ctx.n8n.baseUrl}${PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
		body: text,
	});
	return { status: res.status, body: await res.text() };
}

async function idsRun(ctx: LiveContext): Promise<unknown[]> {
	const executions = await ctx.executions(WORKFLOW_ID);
	return executions.map((execution) => nodeItems(execution, 'SePay Trigger')[0]?.id);
}

export const suite: E2ESuite = {
	name: 'trigger-exact',
	workflows: () => [
		apiKeyTriggerWorkflow(WORKFLOW_ID, 'e2e: SePay Trigger exact ids', WEBHOOK_ID, API_KEY),
	],
	publish: [WORKFLOW_ID],

	async live(ctx) {
		await ctx.test('published webhook is registered after start', async () => {
			const status = await ctx.n8n.waitForWebhook(PATH, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			assert.equal(status, 401);
		});

		await ctx.test(
			'ids 9007199254740993 and 9007199254740992 run as two executions, ids exact, balance exact',
			async () => {
				for (const id of ['9007199254740993', '9007199254740992']) {
					const res = await deliver(ctx, body(id));
					assert.equal(res.status, 200, `delivery of ${id}: ${res.status} ${res.body}`);
					assert.deepEqual(JSON.parse(res.body), { success: true });
				}
				const executions = await ctx.waitForExecutions(WORKFLOW_ID, 2);
				assert.equal(executions.length, 2);
				for (const execution of executions) assert.equal(execution.status, 'success');
				assert.deepEqual((await idsRun(ctx)).map(String).sort(), [
					'9007199254740992',
					'9007199254740993',
				]);
				const [item] = nodeItems(executions[0], 'SePay Trigger');
				assert.equal(item.balance, '9007199254740993');
			},
		);

		await ctx.test(
			'string id "00012345" and number 12345 run as two executions, "00012345" stays a string',
			async () => {
				for (const id of ['"00012345"', '12345'])
					assert.equal((await deliver(ctx, body(id))).status, 200);
				await ctx.waitForExecutions(WORKFLOW_ID, 4);
				const ids = await idsRun(ctx);
				assert.ok(ids.includes('00012345'), `ids run: ${JSON.stringify(ids)}`);
				assert.ok(ids.includes(12345), `ids run: ${JSON.stringify(ids)}`);
			},
		);

		await ctx.test(
			'a replay of 9007199254740993 is acknowledged and does not run again',
			async () => {
				const res = await deliver(ctx, body('9007199254740993'));
				assert.equal(res.status, 200);
				assert.deepEqual(JSON.parse(res.body), { success: true });
				await new Promise((resolve) => setTimeout(resolve, STRAGGLER_WAIT_MS));
				assert.equal(
					(await ctx.executions(WORKFLOW_ID)).length,
					4,
					'the replay started the workflow',
				);
			},
		);

		await ctx.test(
			'a 40 KB body nested 20,000 levels → 400, no run, the execution list still answers',
			async () => {
				const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
				const res = await deliver(ctx, body('777', `,"x":${deep}`));
				assert.equal(res.status, 400);
				await new Promise((resolve) => setTimeout(resolve, STRAGGLER_WAIT_MS));
				assert.equal(
					(await ctx.executions(WORKFLOW_ID)).length,
					4,
					'the deep body started the workflow',
				);
			},
		);

		await ctx.test('a wrong key (one byte off) → 401, no run', async () => {
			const res = await fetch(`${ctx.n8n.baseUrl}${PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: AUTHORIZATION.slice(0, -1) },
				body: body('778'),
			});
			assert.equal(res.status, 401);
		});
	},
};
