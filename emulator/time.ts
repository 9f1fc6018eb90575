/** SePay shows bank-side times in Vietnam time (UTC+7, no DST) as `YYYY-MM-DD HH:mm:ss`. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

export function formatVnTime(epochMs: number): string {
	return new Date(epochMs + VN_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export function formatVnDate(epochMs: number): string {
	return formatVnTime(epochMs).slice(0, 10);
}

/** ISO 8601 with the +07:00 offset (v2 `timestamp_format=iso8601`). */
export function formatVnIso(epochMs: number): string {
	return formatVnTime(epochMs).replace(' ', 'T') + '+07:00';
}

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:mm:ss` (Vietnam time) or an ISO 8601 string with offset.
 * `endOfDay` makes a bare date cover the whole day. Returns null for anything else.
 */
export function parseVnTime(text: string, endOfDay = false): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
	if (m) {
		const [, y, mo, d, h, mi, s] = m;
		const hasTime = h !== undefined;
		const ms = Date.UTC(
			+y,
			+mo - 1,
			+d,
			hasTime ? +h : endOfDay ? 23 : 0,
			hasTime ? +mi : endOfDay ? 59 : 0,
			s !== undefined ? +s : hasTime ? 0 : endOfDay ? 59 : 0,
		);
		if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== +d) return null;
		return ms - VN_OFFSET_MS + (endOfDay && !hasTime ? 999 : 0);
	}
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) {
		const ms = Date.parse(text.trim());
		return Number.isNaN(ms) ? null : ms;
	}
	return null;
}

/** SePay's `created_at` style for "now". */
export function nowVn(): string {
	return formatVnTime(Date.now());
}
