import type { IDataObject } from 'n8n-workflow';

import { EXTRA_FIELD_LIMITS, fitsExtraField, plainValue, readAmount, readId } from './exactValues';
import type { LosslessObject, LosslessValue } from './losslessJson';
import { JsonNumber, readLosslessJson } from './losslessJson';

/** A SePay delivery is well under 2 KB; anything this large is not from SePay. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ParsedDelivery = { ok: true; payload: IDataObject } | { ok: false; reason: string };

/** The fields of SePay's transaction delivery; anything else is an unknown field (see EXTRA_FIELD_LIMITS). */
export const SEPAY_FIELDS = [
	'id',
	'gateway',
	'transactionDate',
	'accountNumber',
	'subAccount',
	'code',
	'content',
	'transferType',
	'transferAmount',
	'accumulated',
	'referenceCode',
	'description',
];
const NULLABLE_TEXT_FIELDS = ['code', 'subAccount'];
/** Read by their own rules (exact numbers, lower-case direction). */
const EXACT_FIELDS = ['id', 'transferType', 'transferAmount', 'accumulated'];

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromForm(text: string): LosslessObject {
	const result: LosslessObject = new Map();
	for (const [key, value] of new URLSearchParams(text)) result.set(key, value);
	return result;
}

/** n8n's parsed multipart fields (text, or rarely numbers) in the reader's shape; one level only. */
function fromParsed(parsed: IDataObject): LosslessObject {
	const result: LosslessObject = new Map();
	for (const [key, value] of Object.entries(parsed)) {
		if (typeof value === 'number') result.set(key, new JsonNumber(String(value)));
		else if (typeof value === 'string' || typeof value === 'boolean' || value === null)
			result.set(key, value);
	}
	return result;
}

function isObject(value: LosslessValue | undefined): value is LosslessObject {
	return value instanceof Map;
}

/**
 * The delivery as the workflow gets it (Simplify off): SePay's fields with exact ids and amounts,
 * then unknown fields while they are small and shallow (others are left out), or the reason it is
 * not a SePay transaction.
 */
function toPayload(record: LosslessObject, fromFormFields: boolean): ParsedDelivery {
	const id = readId(record.get('id'), fromFormFields);
	if (id === undefined) return { ok: false, reason: 'missing or invalid "id"' };
	const transferType = record.get('transferType');
	const direction =
		typeof transferType === 'string' ? transferType.trim().toLowerCase() : undefined;
	if (direction !== 'in' && direction !== 'out')
		return { ok: false, reason: 'missing or invalid "transferType"' };
	const amount = readAmount(record.get('transferAmount'));
	// SePay gives the direction in transferType: an amount is never negative.
	if (amount.kind !== 'value' || String(amount.value).startsWith('-')) {
		return {
			ok: false,
			reason: 'missing or invalid "transferAmount" (expected a number of 0 or more)',
		};
	}
	const balance = readAmount(record.get('accumulated'));
	if (balance.kind === 'invalid' && record.get('accumulated') instanceof JsonNumber) {
		return { ok: false, reason: 'invalid "accumulated" (expected a finite number)' };
	}

	const exact: IDataObject = {
		id,
		transferType: direction,
		transferAmount: amount.value,
		accumulated: balance.kind === 'value' ? balance.value : null,
	};
	const payload: IDataObject = {};
	let extras = 0;
	for (const [key, value] of record) {
		if (key === '__proto__') continue;
		if (EXACT_FIELDS.includes(key)) {
			payload[key] = exact[key];
			continue;
		}
		if (NULLABLE_TEXT_FIELDS.includes(key) && (value === '' || value === 'null')) {
			payload[key] = null;
			continue;
		}
		const known = SEPAY_FIELDS.includes(key);
		if (!known && extras >= EXTRA_FIELD_LIMITS.count) continue;
		const plain = plainValue(value, EXTRA_FIELD_LIMITS.depth);
		if (plain === undefined || (!known && !fitsExtraField(plain))) continue;
		payload[key] = plain;
		if (!known) extras++;
	}
	return { ok: true, payload };
}

/**
 * Reads a delivery in any format SePay sends: JSON (default; numbers keep their exact text),
 * application/x-www-form-urlencoded from the raw bytes, or multipart/form-data from the fields
 * n8n already parsed (n8n consumes the multipart stream itself, so no raw bytes exist for it).
 */
export function parseDelivery(
	raw: Buffer,
	contentType: string,
	parsedByN8n: unknown,
): ParsedDelivery {
	const type = contentType.toLowerCase();
	const text = raw.toString('utf8');
	let candidate: LosslessValue | undefined;
	let form = true;
	if (type.includes('multipart/form-data')) {
		const parsed = isPlainObject(parsedByN8n) ? parsedByN8n : {};
		candidate = fromParsed(isPlainObject(parsed.data) ? parsed.data : parsed);
	} else if (type.includes('application/x-www-form-urlencoded')) {
		candidate = fromForm(text);
	} else {
		candidate = readLosslessJson(text);
		form = false;
		// Some senders mislabel form bodies; accept them only if they read as a SePay form.
		if (candidate === undefined && /^[\w%.[\]-]+=/.test(text)) {
			candidate = fromForm(text);
			form = true;
		}
	}
	if (!isObject(candidate)) return { ok: false, reason: 'body is not a SePay transaction object' };
	return toPayload(candidate, form);
}
