/** The pacer's schedule, on jest's fake clock (no real time is measured). */
import { deferSlots, waitForSlot } from '../../nodes/SePay/transport/pacer';

let key = 0;
const nextKey = () => `pacer-test-${++key}`;

beforeEach(() => {
	jest.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
	jest.useRealTimers();
});

/** Resolves the promise's state without waiting: true once it has settled. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
	let done = false;
	void promise.then(() => (done = true));
	await jest.advanceTimersByTimeAsync(0);
	return done;
}

it('lets a window of calls go at once, then waits one second after the oldest was answered', async () => {
	const k = nextKey();
	const first = await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	await jest.advanceTimersByTimeAsync(20);
	first();
	const fourth = waitForSlot(k, 3);
	await jest.advanceTimersByTimeAsync(999);
	expect(await settled(fourth)).toBe(false);
	await jest.advanceTimersByTimeAsync(1);
	expect(await settled(fourth)).toBe(true);
});

it('falls back to one window plus 5% after the start while the oldest call is unanswered', async () => {
	const k = nextKey();
	await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	const fourth = waitForSlot(k, 3);
	await jest.advanceTimersByTimeAsync(1049);
	expect(await settled(fourth)).toBe(false);
	await jest.advanceTimersByTimeAsync(1);
	expect(await settled(fourth)).toBe(true);
});

it('waits a full window after a slow answer', async () => {
	const k = nextKey();
	const first = await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	await jest.advanceTimersByTimeAsync(400);
	first();
	const fourth = waitForSlot(k, 3);
	await jest.advanceTimersByTimeAsync(999);
	expect(await settled(fourth)).toBe(false);
	await jest.advanceTimersByTimeAsync(1);
	expect(await settled(fourth)).toBe(true);
});

it('paces fractional rates one call per period', async () => {
	const k = nextKey();
	(await waitForSlot(k, 0.5))();
	const second = waitForSlot(k, 0.5);
	await jest.advanceTimersByTimeAsync(1999);
	expect(await settled(second)).toBe(false);
	await jest.advanceTimersByTimeAsync(1);
	expect(await settled(second)).toBe(true);
});

it('starts nothing before a Retry-After has passed', async () => {
	const k = nextKey();
	deferSlots(k, Date.now() + 1500);
	const call = waitForSlot(k, 3);
	await jest.advanceTimersByTimeAsync(1499);
	expect(await settled(call)).toBe(false);
	await jest.advanceTimersByTimeAsync(1);
	expect(await settled(call)).toBe(true);
});
