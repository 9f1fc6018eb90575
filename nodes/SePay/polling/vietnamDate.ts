const DAY_MS = 24 * 60 * 60 * 1000;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam (UTC+7, no daylight saving), as SePay's date filters expect it. */
export function vietnamDate(nowMs: number): string {
	return new Date(nowMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date `days` before a YYYY-MM-DD date. */
export function daysBefore(date: string, days: number): string {
	const time = Date.parse(`${date}T00:00:00Z`);
	if (!Number.isFinite(time)) return date;
	return new Date(time - days * DAY_MS).toISOString().slice(0, 10);
}

/** The date part of SePay's "YYYY-MM-DD HH:mm:ss" (or ISO) timestamps, if it has one. */
export function datePart(value: unknown): string | undefined {
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(String(value ?? ''));
	return match ? match[1] : undefined;
}
