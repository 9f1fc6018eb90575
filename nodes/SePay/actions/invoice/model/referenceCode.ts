import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { InvoiceSource } from '../../../helpers/invalidInput';
import { invalidField } from '../../../helpers/invalidInput';

/** JSON with object keys sorted at every level, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as IDataObject)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The reference code derived from an input item: a UUID-shaped SHA-256 digest (RFC 9562 version 8)
 * of the input item's JSON and the invoice content (provider account, template, series, currency,
 * payment method, buyer, lines, notes, total). It leaves out the issued date and draft/issue
 * choice, so a retried execution — even one that computes "now" again — sends the same code and
 * SePay answers 409 instead of creating a second invoice.
 */
export function deriveReferenceCode(inputJson: IDataObject, invoice: IDataObject): string {
	const content: IDataObject = { ...invoice };
	for (const key of ['issued_date', 'is_draft', 'reference_code']) delete content[key];
	const hex = createHash('sha256')
		.update(canonicalJson({ v: 1, input: inputJson, invoice: content }))
		.digest('hex');
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** SePay's limits on reference_code are not documented; refuse only what cannot work in a URL path. */
export function customReferenceCode(raw: unknown, source: InvoiceSource): string {
	const code = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!code || code.length > 100 || /[\s/?#%\\]/.test(code)) {
		throw invalidField(
			source,
			'"Custom Reference Code"',
			'a code of up to 100 characters without spaces, /, ?, #, % or \\, unique in your SePay account (such as PAY-12345)',
			raw,
		);
	}
	return code;
}
