import type { IDataObject } from 'n8n-workflow';

import type { LosslessValue } from './losslessJson';
import { JsonNumber } from './losslessJson';

/**
 * Values of a delivery as the workflow sees them. A number stays a number only while JavaScript
 * holds it exactly (a safe integer, or a decimal within ±2^53); beyond that the output carries
 * the exact text SePay sent, so no id, amount or balance is ever silently rounded.
 */

type Plain = IDataObject[string];

/** How deep and how large an unknown field may be to be passed on (SePay's own fields are flat). */
export const EXTRA_FIELD_LIMITS = { depth: 3, chars: 1024, count: 20 };

const CANONICAL_INTEGER = /^(?:0|[1-9]\d*)$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** The number when JavaScript holds it exactly enough, otherwise the text. */
export function numberOrText(text: string): number | string {
	const value = Number(text);
	if (!Number.isFinite(value)) return text;
	if (/^-?\d+$/.test(text)) return Number.isSafeInteger(value) ? value : text;
	return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value + 0 : text;
}

/**
 * A transaction id: a JSON number (a non-negative integer, any length) or a JSON string stays what
 * it was; form fields are text, so there a canonical integer reads as a number. The exact text is
 * what identifies the transaction (see dedup), so "00012345" and 12345 stay two ids.
 */
export function readId(
	value: LosslessValue | undefined,
	fromForm: boolean,
): number | string | undefined {
	if (value instanceof JsonNumber) {
		return CANONICAL_INTEGER.test(value.text) && value.text.length <= 64
			? numberOrText(value.text)
			: undefined;
	}
	if (typeof value !== 'string') return undefined;
	if (fromForm && CANONICAL_INTEGER.test(value) && value.length <= 64) return numberOrText(value);
	return /^[\w-]{1,64}$/.test(value) ? value : undefined;
}

export type AmountReading =
	| { kind: 'missing' }
	| { kind: 'invalid' }
	| { kind: 'value'; value: number | string };

/** An amount as SePay sends it: a number, or loosely a numeric text such as "18067000.00" or "18,067,000". */
export function readAmount(value: LosslessValue | undefined): AmountReading {
	if (value === undefined || value === null || value === '' || value === 'null')
		return { kind: 'missing' };
	const text =
		value instanceof JsonNumber
			? value.text
			: typeof value === 'string'
				? value.trim().replace(/,/g, '')
				: undefined;
	if (text === undefined || (!(value instanceof JsonNumber) && !DECIMAL.test(text)))
		return { kind: 'invalid' };
	if (!Number.isFinite(Number(text))) return { kind: 'invalid' };
	return { kind: 'value', value: numberOrText(text) };
}

/**
 * Any other value, numbers as `numberOrText`; undefined when it nests deeper than `depth`
 * (0 = scalars only), so the caller leaves it out.
 */
export function plainValue(value: LosslessValue, depth: number): Plain | undefined {
	if (value instanceof JsonNumber) return numberOrText(value.text);
	if (value === null || typeof value !== 'object') return value;
	if (depth <= 0) return undefined;
	if (Array.isArray(value)) {
		const items: Plain[] = [];
		for (const item of value) {
			const plain = plainValue(item, depth - 1);
			if (plain === undefined) return undefined;
			items.push(plain);
		}
		return items as Plain;
	}
	const result: IDataObject = {};
	for (const [key, item] of value) {
		if (key === '__proto__') continue;
		const plain = plainValue(item, depth - 1);
		if (plain === undefined) return undefined;
		result[key] = plain;
	}
	return result;
}

/** Whether an unknown field's value is small enough to pass on. */
export function fitsExtraField(value: Plain): boolean {
	return JSON.stringify(value).length <= EXTRA_FIELD_LIMITS.chars;
}
