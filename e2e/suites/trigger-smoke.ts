/**
 * Trigger smoke: a published SePay Trigger workflow (manual registration, API-key verification)
 * receives the emulator's real webhook delivery in a running n8n, answers SePay's success body,
 * and the execution carries the transaction; a delivery with a wrong key is refused.
 */
import { assert } from '../assert';
import { nodeItems } from '../run-data';
import type { E2ESuite } from '../suite';
import { apiKeyTriggerWorkflow } from './support/trigger-workflows';

const WORKFLOW_ID = 'e2eTriggerSmoke1';
const WEBHOOK_ID = 'sepay-e2e-trigger-smoke-0001';
const API_KEY = 'e2e-trigger-smoke-key-5f3a9c1d7e2b';
const PATH = `/webhook/${WEBHOOK_ID}/webhook`;

export const suite: E2ESuite = {
	name: 'trigger-smoke',
	workflows: () => [
		apiKeyTriggerWorkflow(
			WORKFLOW_ID,
			'e2e smoke: SePay Trigger (manual, API key)',
			WEBHOOK_ID,
			API_KEY,
		),
	],
	publish: [WORKFLOW_ID],

	async live(ctx) {
		const { emu, n8n } = ctx;
		const url = `${n8n.baseUrl}${PATH}`;
		let genuine: Record<string, unknown> = {};

		await ctx.test('published webhook is registered after start', async () => {
			// An unauthenticated POST: 404 while unregistered, the trigger's 401 once live (no run).
			const status = await n8n.waitForWebhook(PATH, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			assert.equal(status, 401);
		});

		await ctx.test(
			'emulator delivery → 200 {"success":true} → execution with the transaction',
			async () => {
				const hook = emu.registerWebhook({
					webhook_url: url,
					event_type: 'All',
					authen_type: 'Api_Key',
					api_key: API_KEY,
					request_content_type: 'Json',
					bank_account_id: 0,
				});
				const sim = emu.simulateTransaction({ amount: 123_456, content: 'DH778899 e2e smoke' });
				genuine = { ...sim.payload };
				const [delivery] = await sim.firstAttempts;
				assert.equal(delivery.webhookId, hook.id);
				const attempt = delivery.attempts[0];
				assert.equal(
					attempt.status,
					200,
					`delivery answered ${attempt.status} ${attempt.body ?? attempt.error ?? ''}`,
				);
				assert.deepEqual(JSON.parse(attempt.body ?? 'null'), { success: true });
				const [execution] = await ctx.waitForExecutions(WORKFLOW_ID, 1);
				assert.equal(execution.status, 'success');
				const [item] = nodeItems(execution, 'SePay Trigger');
				assert.ok(item, 'the trigger produced no item');
				assert.equal(item.amount, 123_456);
				assert.equal(String(item.id), String(sim.transaction.id));
				assert.equal(nodeItems(execution, 'Done').length, 1, 'the next node did not run');
			},
		);

		await ctx.test('delivery with a wrong API key → 401, no execution', async () => {
			const before = (await ctx.executions(WORKFLOW_ID)).length;
			const forged = { ...genuine, id: Number(genuine.id) + 1_000_000, transferAmount: 99_000_000 };
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: 'Apikey wrong-key' },
				body: JSON.stringify(forged),
			});
			assert.equal(res.status, 401);
			// An execution would be saved right after the answer; give it time to show up.
			await new Promise((r) => setTimeout(r, 2000));
			assert.equal(
				(await ctx.executions(WORKFLOW_ID)).length,
				before,
				'a forged delivery started the workflow',
			);
		});
	},
};
