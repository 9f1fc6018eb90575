/**
 * Transaction → Get Many with Return All over 20,000 transactions returns each exactly once,
 * under both authentications, and still does with injected 429s, 5xx answers and dropped
 * connections (the transport retries reads). Rate limit off and pacing high: this checks
 * correctness; bench/list.ts measures speed.
 */
import { AUTHS, jsonOf, startNodeTest } from '../setup';
import type { NodeTestContext } from '../setup';

const COUNT = 20_000;

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest({ transactions: COUNT, requestLogLimit: 100_000 });
});
afterAll(async () => t.emu.close());
beforeEach(() => {
	t.emu.clearRequests();
	t.emu.clearFaults();
});

function expectEachOnce(ids: unknown[], expected: unknown[]): void {
	expect(ids).toHaveLength(COUNT);
	expect(new Set(ids).size).toBe(COUNT);
	expect([...ids].sort()).toEqual([...expected].sort());
}

it.each(AUTHS)('returns all 20,000 transactions exactly once with %s', async (auth) => {
	const result = await t.run(auth, {
		resource: 'transaction',
		operation: 'getAll',
		returnAll: true,
	});
	const expected = t.emu.state.transactions.map((tx) => (auth === 'apiToken' ? tx.uuid : tx.id));
	expectEachOnce(
		jsonOf(result).map((item) => item.id),
		expected,
	);
	const pages = t.apiRequests();
	expect(pages).toHaveLength(COUNT / 100);
	expect(pages.map((r) => Number(r.query.page))).toEqual(pages.map((_, i) => i + 1));
});

it.each(AUTHS)(
	'still returns each exactly once with injected 429s, 5xx and dropped connections (%s)',
	async (auth) => {
		// Three 429s first (each answered by waiting Retry-After), then random 503s and dropped connections.
		t.emu.setFaults({
			force429: 3,
			failRate: 0.02,
			failStatus: 503,
			dropRate: 0.015,
			paths: ['/v2/transactions', '/api/v1/transactions'],
		});
		const result = await t.run(auth, {
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		const expected = t.emu.state.transactions.map((tx) => (auth === 'apiToken' ? tx.uuid : tx.id));
		expectEachOnce(
			jsonOf(result).map((item) => item.id),
			expected,
		);
		const statuses = t.apiRequests().map((r) => r.status);
		expect(statuses.filter((s) => s === 429).length).toBe(3);
		expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
		expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);
		expect(t.emu.counters.faults).toBeGreaterThan(3);
	},
);
