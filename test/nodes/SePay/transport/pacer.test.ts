/** The pacer's schedule, on jest's fake clock (no real time is measured). */
import { deferSlots, waitForSlot } from '../../../../nodes/SePay/transport/pacer';

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

/** The call is still waiting `ms - 1` ms from now and has its slot at exactly `ms`. */
async function expectSlotAfter(call: Promise<unknown>, ms: number): Promise<void> {
	await jest.advanceTimersByTimeAsync(ms - 1);
	expect(await settled(call)).toBe(false);
	await jest.advanceTimersByTimeAsync(1);
	expect(await settled(call)).toBe(true);
}

/** Three calls (one window at 3/s) that get their slots at once; returns the first one's "answered". */
async function fillWindow(k: string): Promise<() => void> {
	const first = await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	await waitForSlot(k, 3);
	return first;
}

it('lets a window of calls go at once, then waits one second after the oldest was answered', async () => {
	const k = nextKey();
	const first = await fillWindow(k);
	await jest.advanceTimersByTimeAsync(20);
	first();
	const fourth = waitForSlot(k, 3);
	await expectSlotAfter(fourth, 1000);
});

it('falls back to one window plus 5% after the start while the oldest call is unanswered', async () => {
	const k = nextKey();
	await fillWindow(k);
	const fourth = waitForSlot(k, 3);
	await expectSlotAfter(fourth, 1050);
});

it('waits a full window after a slow answer', async () => {
	const k = nextKey();
	const first = await fillWindow(k);
	await jest.advanceTimersByTimeAsync(400);
	first();
	const fourth = waitForSlot(k, 3);
	await expectSlotAfter(fourth, 1000);
});

it('paces fractional rates one call per period', async () => {
	const k = nextKey();
	(await waitForSlot(k, 0.5))();
	const second = waitForSlot(k, 0.5);
	await expectSlotAfter(second, 2000);
});

it('starts nothing before a Retry-After has passed', async () => {
	const k = nextKey();
	deferSlots(k, Date.now() + 1500);
	const call = waitForSlot(k, 3);
	await expectSlotAfter(call, 1500);
});

it('a call already waiting for its slot waits on when a Retry-After arrives meanwhile', async () => {
	const k = nextKey();
	const first = await fillWindow(k);
	first();
	// The fourth call has its slot at +1000 ms; at +200 ms another call meets a 429 asking for 2 s.
	const fourth = waitForSlot(k, 3);
	await jest.advanceTimersByTimeAsync(200);
	deferSlots(k, Date.now() + 2000);
	await expectSlotAfter(fourth, 2000);
});
