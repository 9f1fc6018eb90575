import { sleep } from 'n8n-workflow';

/**
 * Spaces out the calls made with one credential so they stay under SePay's per-second limit
 * (3 per second: never more than 3 calls inside any one second). Each call reserves its slot when
 * it asks, so concurrent items and executions in this n8n process share the schedule. (SePay
 * counts per IP, so other programs on the same IP can still cause a 429; the retry loop handles
 * that.)
 *
 * A call may start once the call `n` places back (n = calls allowed per window) is a full window
 * behind. Measured from when that call was *answered* when it has been: SePay counted it before
 * answering, so this holds whatever delays n8n adds between our slot and the actual send (a first
 * call spends 50-100 ms in n8n before it leaves, which made start-spaced calls collide in SePay's
 * window). While that call is still in flight (concurrent executions), from its start plus a 5%
 * margin.
 */
interface Call {
	start: number;
	end?: number;
}

interface Schedule {
	recent: Call[];
	/** Set after a 429: nothing starts before SePay's Retry-After has passed. */
	notBefore: number;
}

const schedules = new Map<string, Schedule>();

/** Margin when only the start of the reference call is known. */
const SAFETY_MARGIN = 1.05;

function scheduleOf(key: string): Schedule {
	let schedule = schedules.get(key);
	if (!schedule) {
		schedule = { recent: [], notBefore: 0 };
		schedules.set(key, schedule);
	}
	return schedule;
}

/** Books the next free slot for a call asking at `now`. */
function reserve(schedule: Schedule, size: number, windowMs: number, now: number): Call {
	let slot = Math.max(now, schedule.notBefore);
	const previous =
		schedule.recent.length >= size ? schedule.recent[schedule.recent.length - size] : undefined;
	if (previous) {
		const earliest =
			previous.end !== undefined
				? previous.end + windowMs
				: previous.start + windowMs * SAFETY_MARGIN;
		slot = Math.max(slot, earliest);
	}
	const call: Call = { start: slot };
	schedule.recent.push(call);
	if (schedule.recent.length > size) schedule.recent.shift();
	return call;
}

/**
 * Waits for this call's slot; call the returned function when its answer (or failure) arrived.
 * A call whose slot was pushed back while it waited (another call met a 429) books again, so
 * nothing starts before SePay's Retry-After has passed.
 */
export async function waitForSlot(key: string, perSecond: number): Promise<() => void> {
	const size = Math.max(1, Math.floor(perSecond));
	const windowMs = (size * 1000) / perSecond;
	const schedule = scheduleOf(key);
	for (;;) {
		const now = Date.now();
		const call = reserve(schedule, size, windowMs, now);
		if (call.start > now) await sleep(call.start - now);
		if (schedule.notBefore <= call.start) {
			return () => {
				call.end = Math.max(Date.now(), call.start);
			};
		}
		const index = schedule.recent.indexOf(call);
		if (index >= 0) schedule.recent.splice(index, 1);
	}
}

/** Pushes the schedule back after SePay asked us to wait (429 Retry-After). */
export function deferSlots(key: string, untilMs: number): void {
	const schedule = scheduleOf(key);
	schedule.notBefore = Math.max(schedule.notBefore, untilMs);
}
