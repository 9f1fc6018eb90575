import { sleep } from 'n8n-workflow';

/**
 * Spaces out the calls made with one credential so they stay under SePay's per-second limit.
 * Each call reserves the next free slot; concurrent items and executions in this n8n process
 * share the schedule. (SePay counts per IP, so other programs on the same IP can still cause a
 * 429; the retry loop handles that.)
 */
const nextSlotByKey = new Map<string, number>();

/** Slightly slower than the limit, so clock jitter between us and SePay causes no 429. */
const SAFETY_MARGIN = 1.05;

export async function waitForSlot(key: string, perSecond: number): Promise<void> {
	const interval = (1000 / perSecond) * SAFETY_MARGIN;
	const now = Date.now();
	const slot = Math.max(now, nextSlotByKey.get(key) ?? 0);
	nextSlotByKey.set(key, slot + interval);
	if (slot > now) await sleep(slot - now);
}

/** Pushes the schedule back after SePay asked us to wait (429 Retry-After). */
export function deferSlots(key: string, untilMs: number): void {
	nextSlotByKey.set(key, Math.max(nextSlotByKey.get(key) ?? 0, untilMs));
}
