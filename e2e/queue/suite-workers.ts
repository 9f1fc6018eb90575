/**
 * The SePay node executed by queue-mode workers: a Webhook-node workflow per authentication,
 * called through the webhook processors (the job runs on a worker; "Respond: When Last Node
 * Finishes" brings the node's output back). OAuth2 refreshes an expired token once and the other
 * worker uses the refreshed one; the eInvoice token is fetched once and reused by both workers.
 */
import { readFileSync } from 'node:fs';

import { assert } from '../assert';
import type { QueueContext, QueueSuite } from './context';
import { WORKER_PATH } from './workflows';

async function call(url: string): Promise<{ status: number; json: unknown }> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
		signal: AbortSignal.timeout(120_000),
	});
	const text = await res.text();
	let json: unknown = text;
	try {
		json = JSON.parse(text);
	} catch {
		// not JSON: kept as text for the message
	}
	return { status: res.status, json };
}

/** Executions each worker's log says it ran ("Worker started execution N"). */
export function executionsPerWorker(ctx: QueueContext): number[] {
	return ctx.cluster.workers.map(
		(w) => (readFileSync(w.logFile, 'utf8').match(/started execution/gi) ?? []).length,
	);
}

export const workersSuite: QueueSuite = {
	name: 'workers',
	async run(ctx) {
		const { cluster, emu } = ctx;
		const [a, b] = cluster.webhooks;
		const url = (processor: typeof a, path: string) => `${processor.baseUrl}/webhook/${path}`;
		for (const processor of cluster.webhooks) {
			// A CORS preflight: 204 once the path is registered, 404 before, and it starts no run.
			for (const path of Object.values(WORKER_PATH))
				await processor.waitForWebhook(`/webhook/${path}`, { method: 'OPTIONS' });
		}

		await ctx.test(
			'API token: transactions → Get Many runs on a worker (through processor A)',
			async () => {
				const before = executionsPerWorker(ctx).reduce((x, y) => x + y, 0);
				const r = await call(url(a, WORKER_PATH.apiToken));
				assert.equal(r.status, 200, JSON.stringify(r.json).slice(0, 300));
				const item = r.json as Record<string, unknown>;
				assert.ok(
					item && item.id !== undefined && item.amount !== undefined,
					`not a transaction: ${JSON.stringify(r.json).slice(0, 200)}`,
				);
				assert.ok(
					emu.requests.some((q) => q.path === '/v2/transactions'),
					'the emulator saw no /v2/transactions',
				);
				assert.ok(
					executionsPerWorker(ctx).reduce((x, y) => x + y, 0) > before,
					'no worker log says it ran the execution',
				);
			},
		);

		await ctx.test(
			'OAuth2: an expired token is refreshed once on a worker, the other runs use the new one',
			async () => {
				const refreshes = () =>
					emu.requests.filter((q) => q.method === 'POST' && q.path === '/oauth/token').length;
				emu.expireTokens();
				const before = refreshes();
				const first = await call(url(b, WORKER_PATH.oAuth2));
				assert.equal(first.status, 200, JSON.stringify(first.json).slice(0, 300));
				assert.ok(
					(first.json as Record<string, unknown>)?.id !== undefined,
					`not a bank account: ${JSON.stringify(first.json).slice(0, 200)}`,
				);
				assert.equal(refreshes() - before, 1, 'token requests for the refresh');
				for (const processor of [a, b, a, b]) {
					const again = await call(url(processor, WORKER_PATH.oAuth2));
					assert.equal(again.status, 200, JSON.stringify(again.json).slice(0, 300));
				}
				assert.equal(
					refreshes() - before,
					1,
					'the refreshed token was not shared (more token requests)',
				);
			},
		);

		await ctx.test('eInvoice: one token request for 9 runs spread over both workers', async () => {
			const tokens = () => emu.countRequests('POST', '/v1/token');
			const before = tokens();
			const perWorker = executionsPerWorker(ctx);
			// The first run fetches the token (n8n stores it with the credential, in PostgreSQL) …
			const first = await call(url(a, WORKER_PATH.eInvoice));
			assert.equal(first.status, 200, JSON.stringify(first.json).slice(0, 300));
			// … the next ones, in pairs at once so both workers take jobs, reuse it.
			for (let i = 0; i < 4; i++) {
				const answers = await Promise.all([
					call(url(a, WORKER_PATH.eInvoice)),
					call(url(b, WORKER_PATH.eInvoice)),
				]);
				for (const r of answers) {
					assert.equal(r.status, 200, JSON.stringify(r.json).slice(0, 300));
					assert.equal(
						typeof (r.json as Record<string, unknown>)?.quota_remaining,
						'number',
						JSON.stringify(r.json).slice(0, 200),
					);
				}
			}
			const after = executionsPerWorker(ctx);
			ctx.report(
				`eInvoice runs per worker: ${after.map((n, i) => n - perWorker[i]).join(' / ')}, token requests ${tokens() - before}`,
			);
			assert.equal(tokens() - before, 1, 'token requests');
		});
	},
};
