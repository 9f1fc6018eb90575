import type { BankingAuthentication } from '../transport';
import type { FieldRef } from './invalidInput';
import { invalidInput } from './invalidInput';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A SePay record id in the form the chosen API uses: API v2 (API Token) has UUIDs, the OAuth2 API
 * numeric ids. The two never work on the other API, so a mix-up is caught before any request.
 */
export function sepayId(
	authentication: BankingAuthentication,
	raw: unknown,
	ref: FieldRef,
): string {
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (authentication === 'apiToken') {
		if (UUID.test(value)) return value.toLowerCase();
		const hint = /^\d+$/.test(value)
			? ' (a numeric ID belongs to the OAuth2 API: set Authentication to OAuth2)'
			: '';
		throw invalidInput(
			ref,
			`a SePay API v2 UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890${hint}`,
			raw,
		);
	}
	if (/^\d+$/.test(value) && Number(value) > 0) return value;
	const hint = UUID.test(value)
		? ' (a UUID belongs to API v2: set Authentication to API Token)'
		: '';
	throw invalidInput(ref, `a numeric SePay OAuth2 API ID such as 49682${hint}`, raw);
}

/** A whole, non-negative amount in VND (SePay amounts have no decimals). */
export function wholeVnd(
	raw: unknown,
	ref: FieldRef,
	options: { positive?: boolean } = {},
): number {
	const value = typeof raw === 'string' ? Number(raw.trim().replace(/[,_\s]/g, '')) : raw;
	const ok =
		typeof value === 'number' &&
		Number.isSafeInteger(value) &&
		(options.positive ? value > 0 : value >= 0) &&
		!(typeof raw === 'string' && raw.trim() === '');
	if (!ok)
		throw invalidInput(
			ref,
			`a whole number of VND${options.positive ? ' greater than 0' : ' (0 or more)'}, without decimals`,
			raw,
		);
	return value as number;
}

/**
 * Whether a parameter was left empty: nothing, blank text, an empty list, or a resource locator
 * without a value. 0 and false are values.
 */
export function isEmpty(raw: unknown): boolean {
	const value =
		typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'value' in raw
			? (raw as { value: unknown }).value
			: raw;
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	return Array.isArray(value) && value.length === 0;
}

/**
 * A list typed as text: entries separated by commas, semicolons, spaces or new lines (none of
 * the lists we read — account numbers, ids, payment-code prefixes, event names — holds spaces),
 * trimmed, empty entries dropped. An array is taken entry by entry.
 */
export function splitList(raw: unknown): string[] {
	if (Array.isArray(raw)) return raw.map((v) => String(v).trim()).filter(Boolean);
	if (typeof raw !== 'string' && typeof raw !== 'number') return [];
	return String(raw)
		.split(/[,;\s]+/)
		.map((v) => v.trim())
		.filter(Boolean);
}

/** Positive integer ids from a list (webhook bank accounts, channels, ...). */
export function numericIds(raw: unknown, ref: FieldRef): number[] {
	return splitList(raw).map((value) => {
		if (!/^\d+$/.test(value) || Number(value) <= 0)
			throw invalidInput(ref, 'numeric IDs separated by commas, such as 19, 23', raw);
		return Number(value);
	});
}

/** A full http:// or https:// URL, trimmed; anything else names the field and `expected`. */
export function httpUrl(value: unknown, ref: FieldRef, expected: string): string {
	const text = String(value ?? '').trim();
	try {
		const url = new URL(text);
		if (url.protocol === 'https:' || url.protocol === 'http:') return text;
	} catch {
		// reported below
	}
	throw invalidInput(ref, expected, value);
}
