import type { FieldRef } from './invalidInput';
import { invalidInput } from './invalidInput';

/** SePay's banking times are Vietnam wall-clock time (UTC+7, no daylight saving). */
const VIETNAM_OFFSET_MINUTES = 7 * 60;

export interface WallTime {
	/** YYYY-MM-DD */
	date: string;
	/** HH:mm:ss, or undefined when only a date was given. */
	time?: string;
}

const EXPECTED =
	'a date as YYYY-MM-DD, a date and time as YYYY-MM-DD HH:mm:ss (Vietnam time), or an ISO 8601 date-time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads a date filter typed by a user or set by a date-time picker / expression:
 * `2026-01-22`, `2026-01-22 16:45:30`, `2026-01-22T16:45:30` (taken as Vietnam time) or an ISO
 * string with an offset / Z (converted to Vietnam time). Impossible dates are rejected.
 */
export function parseWallTime(raw: unknown, ref: FieldRef): WallTime {
	// Expressions may hand over a Date or a Luxon DateTime ({{ $now }}) instead of text.
	const luxon =
		typeof raw === 'object' &&
		raw !== null &&
		typeof (raw as { toISO?: unknown }).toISO === 'function';
	const value =
		raw instanceof Date
			? raw.toISOString()
			: luxon
				? String((raw as { toISO: () => string }).toISO())
				: typeof raw === 'string'
					? raw.trim()
					: raw;
	if (typeof value !== 'string') throw invalidInput(ref, EXPECTED, raw);
	const match =
		/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
			value,
		);
	if (!match) throw invalidInput(ref, EXPECTED, raw);
	const [, y, mo, d, h, mi, s, zone] = match;
	if (zone && h === undefined) throw invalidInput(ref, EXPECTED, raw);
	const fields = [
		Number(y),
		Number(mo),
		Number(d),
		Number(h ?? 0),
		Number(mi ?? 0),
		Number(s ?? 0),
	];
	const utc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
	const check = new Date(utc);
	const valid =
		check.getUTCFullYear() === fields[0] &&
		check.getUTCMonth() === fields[1] - 1 &&
		check.getUTCDate() === fields[2] &&
		fields[3] < 24 &&
		fields[4] < 60 &&
		fields[5] < 60;
	if (!valid) throw invalidInput(ref, EXPECTED, raw);
	if (h === undefined) return { date: `${y}-${mo}-${d}` };
	let wall = utc;
	if (zone) {
		const offset =
			zone.toUpperCase() === 'Z'
				? 0
				: (zone.startsWith('-') ? -1 : 1) *
					(Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
		wall = utc + (VIETNAM_OFFSET_MINUTES - offset) * 60_000;
	}
	const t = new Date(wall);
	return {
		date: `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
		time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`,
	};
}

/** `YYYY-MM-DD HH:mm:ss`; a bare date becomes the start of the day, or its last second for an upper bound. */
export function toDateTime(wall: WallTime, endOfDay: boolean): string {
	return `${wall.date} ${wall.time ?? (endOfDay ? '23:59:59' : '00:00:00')}`;
}

/** An instant as SePay's `YYYY-MM-DD HH:mm:ss` in Vietnam time. */
export function formatVietnamTime(instantMs: number): string {
	const t = new Date(instantMs + VIETNAM_OFFSET_MINUTES * 60_000);
	return (
		`${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ` +
		`${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
	);
}

/** The instant of a Vietnam wall-clock `YYYY-MM-DD HH:mm:ss`. */
export function vietnamTimeToInstant(dateTime: string): number {
	return Date.parse(`${dateTime.replace(' ', 'T')}+07:00`);
}

/** Today's date in Vietnam, as SePay's date filters expect it. */
export function vietnamDate(nowMs: number): string {
	return formatVietnamTime(nowMs).slice(0, 10);
}

/** The date `days` before a YYYY-MM-DD date. */
export function daysBefore(date: string, days: number): string {
	const time = Date.parse(`${date}T00:00:00Z`);
	if (!Number.isFinite(time)) return date;
	return new Date(time - days * 24 * 60 * 60_000).toISOString().slice(0, 10);
}

/** The date part of SePay's "YYYY-MM-DD HH:mm:ss" (or ISO) timestamps, if it has one. */
export function datePart(value: unknown): string | undefined {
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(String(value ?? ''));
	return match ? match[1] : undefined;
}
