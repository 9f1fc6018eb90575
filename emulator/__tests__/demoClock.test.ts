import { generateDataset, SEED_END_MS } from '../data';
import { demoSeedEnd } from '../demoClock';
import { startEmulator } from '../index';
import { formatVnDate, formatVnTime } from '../time';

/** Issue 12 item 5: the demo's history ends today (Vietnam time), deterministic for a given day. */
describe('demo data anchored to the current date', () => {
	it('ends at 00:00 Vietnam time of the day the clock is in', () => {
		// 2026-03-10 16:59:59 UTC is 23:59:59 on the 10th in Vietnam; one second later it is the 11th.
		expect(formatVnTime(demoSeedEnd(Date.UTC(2026, 2, 10, 16, 59, 59)))).toBe(
			'2026-03-10 00:00:00',
		);
		expect(formatVnTime(demoSeedEnd(Date.UTC(2026, 2, 10, 17, 0, 0)))).toBe('2026-03-11 00:00:00');
	});

	it('the same day gives the same data; yesterday has transactions; nothing is in the future', () => {
		const now = Date.UTC(2027, 0, 15, 5, 30);
		const a = generateDataset(1, 2000, demoSeedEnd(now));
		const b = generateDataset(1, 2000, demoSeedEnd(now + 3 * 3_600_000));
		expect(b.transactions).toEqual(a.transactions);
		const yesterday = formatVnDate(demoSeedEnd(now) - 1);
		expect(
			a.transactions.filter((t) => t.transactionDate.startsWith(yesterday)).length,
		).toBeGreaterThan(0);
		expect(a.transactions.every((t) => t.transactionDate < formatVnTime(now))).toBe(true);
	});

	it('the emulator takes the anchor as an option; without it the fixed test date stays', async () => {
		const end = demoSeedEnd(Date.UTC(2027, 5, 1, 12));
		const anchored = await startEmulator({ port: 0, transactions: 50, seedEndMs: end });
		const fixed = await startEmulator({ port: 0, transactions: 50 });
		try {
			expect(anchored.state.transactions.at(-1)?.transactionDate).toBe(formatVnTime(end));
			expect(fixed.state.transactions.at(-1)?.transactionDate).toBe(formatVnTime(SEED_END_MS));
		} finally {
			await anchored.close();
			await fixed.close();
		}
	});
});
