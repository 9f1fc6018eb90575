import type { FieldRef } from '../../helpers/invalidInput';
import { invalidInput } from '../../helpers/invalidInput';

/** Invoice dates are Vietnam wall-clock time (UTC+7, no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const EXPECTED =
	'a date-time as YYYY-MM-DD HH:mm:ss (Vietnam time), a date as YYYY-MM-DD, or an ISO 8601 date-time with an offset';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function format(wallMs: number): string {
	const t = new Date(wallMs);
	return (
		`${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ` +
		`${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
	);
}

/** Strings as given; Dates and Luxon DateTimes (what `{{ $now }}` yields) as ISO strings with offset. */
function asText(raw: unknown): unknown {
	if (typeof raw === 'string') return raw.trim();
	if (raw instanceof Date) return raw.toISOString();
	const luxon = raw as { toISO?: () => string | null } | null;
	if (luxon && typeof luxon === 'object' && typeof luxon.toISO === 'function') return luxon.toISO() ?? raw;
	return raw;
}

/**
 * SePay's `issued_date` (`YYYY-MM-DD HH:mm:ss`, Vietnam time) from what a user or the date picker
 * gives: empty → now; `YYYY-MM-DD` → that day at 00:00:00; a time without offset is taken as
 * Vietnam time; an offset or Z is converted. Impossible and future dates are refused before sending.
 */
export function issuedDate(raw: unknown, ref: FieldRef, now = Date.now()): string {
	const value = asText(raw);
	if (value === undefined || value === null || value === '') return format(now + VIETNAM_OFFSET_MS);
	if (typeof value !== 'string') throw invalidInput(ref, EXPECTED, raw);
	const match =
		/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value);
	if (!match) throw invalidInput(ref, EXPECTED, raw);
	const [, y, mo, d, h, mi, s, zone] = match;
	const parts = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number);
	const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
	const check = new Date(utc);
	const real =
		check.getUTCFullYear() === parts[0] &&
		check.getUTCMonth() === parts[1] - 1 &&
		check.getUTCDate() === parts[2] &&
		parts[3] < 24 &&
		parts[4] < 60 &&
		parts[5] < 60;
	if (!real) throw invalidInput(ref, EXPECTED, raw);
	const offsetMinutes = !zone
		? 7 * 60
		: zone.toUpperCase() === 'Z'
			? 0
			: (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
	const instant = utc - offsetMinutes * 60_000;
	// SePay refuses invoice dates after "now"; a few minutes allow for clock differences.
	if (instant > now + FUTURE_TOLERANCE_MS) {
		throw invalidInput(ref, 'a date and time that is not in the future (invoices cannot be dated ahead)', raw);
	}
	return format(instant + VIETNAM_OFFSET_MS);
}
