/**
 * The demo's data moves with the calendar: `npm start` seeds a history that ends at the start of
 * today in Vietnam, so "yesterday" (the daily-reconciliation example) always has transactions.
 * The same day gives the same data; the clock is a parameter so tests pin it.
 */
const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;

/** Midnight (00:00 Vietnam time) of the Vietnam day that contains `nowMs`, as epoch ms. */
export function demoSeedEnd(nowMs: number): number {
	return Math.floor((nowMs + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;
}
