/**
 * SePay Polling Trigger in queue mode: the main polls (every 5 s), the workers run what it emits.
 * Activated at runtime; transactions made after its first poll each reach the downstream node
 * exactly once.
 */
import { assert } from '../assert';
import { setActive } from './activate';
import type { QueueSuite } from './context';
import { pendingJobs } from './redis-probe';
import { QUEUE_WF } from './workflows';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(
	what: string,
	check: () => boolean | Promise<boolean>,
	timeoutMs = 60_000,
): Promise<void> {
	const started = Date.now();
	while (!(await check())) {
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(250);
	}
}

export const pollingSuite: QueueSuite = {
	name: 'polling',
	async run(ctx) {
		const { emu, sink } = ctx;
		const polls = () =>
			emu.requests.filter((r) => r.method === 'GET' && r.path === '/v2/transactions').length;
		await ctx.test(
			'published at runtime: the main polls, 12 new transactions run downstream once each on the workers',
			async () => {
				await setActive(ctx.cluster.main.baseUrl, ctx.apiKey, QUEUE_WF.polling, true);
				try {
					// The first poll only sets the cursor ("from now").
					await until('the first poll', () => polls() >= 1);
					// The API token reads SePay's API v2, whose transaction ids are UUIDs (Simplify's `id`).
					const ids = Array.from(
						{ length: 12 },
						(_, i) =>
							emu.simulateTransaction({ amount: 31_000 + i, content: `E2E queue poll ${i + 1}` })
								.transaction.uuid,
					);
					await until('every transaction downstream', () =>
						ids.every((id) => sink.runs('poll', id) >= 1),
					).catch((e: Error) => {
						throw new Error(
							`${e.message} (${polls()} polls, ${sink.total('poll')} runs downstream)`,
						);
					});
					// Two more polls and a drained queue: nothing comes twice.
					const seen = polls();
					await until('two more polls', () => polls() >= seen + 2, 30_000);
					await until(
						'the job queue drained',
						async () => (await pendingJobs(ctx.redisPort)) === 0,
					);
					const twice = ids.filter((id) => sink.runs('poll', id) !== 1);
					assert.deepEqual(twice, [], 'transactions not run exactly once');
					assert.equal(sink.total('poll'), ids.length, 'runs of older transactions');
				} finally {
					await setActive(ctx.cluster.main.baseUrl, ctx.apiKey, QUEUE_WF.polling, false);
				}
			},
		);
	},
};
