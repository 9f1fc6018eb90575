import type { IDataObject } from 'n8n-workflow';

/** A SePay delivery is well under 2 KB; anything this large is not from SePay. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ParsedDelivery = { ok: true; payload: IDataObject } | { ok: false; reason: string };

const NUMERIC_FIELDS = ['id', 'transferAmount', 'accumulated'];
const NULLABLE_TEXT_FIELDS = ['code', 'subAccount'];

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromForm(text: string): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of new URLSearchParams(text)) result[key] = value;
	return result;
}

function tryJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		// Not JSON: the caller tries SePay's other formats or answers 400.
		return undefined;
	}
}

/** Form-encoded and multipart deliveries carry every value as text: give numbers and nulls back. */
function normalise(record: IDataObject): IDataObject {
	const result: IDataObject = { ...record };
	for (const key of NUMERIC_FIELDS) {
		const value = result[key];
		if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) result[key] = Number(value.trim());
	}
	for (const key of NULLABLE_TEXT_FIELDS) {
		if (result[key] === '' || result[key] === 'null') result[key] = null;
	}
	if (typeof result.transferType === 'string') result.transferType = result.transferType.trim().toLowerCase();
	return result;
}

/** The fields every SePay transaction delivery has; without them it is not one. */
function validate(record: IDataObject): string | undefined {
	const id = record.id;
	const idOk =
		(typeof id === 'number' && Number.isInteger(id) && id >= 0) ||
		(typeof id === 'string' && /^[\w-]{1,64}$/.test(id));
	if (!idOk) return 'missing or invalid "id"';
	if (record.transferType !== 'in' && record.transferType !== 'out') return 'missing or invalid "transferType"';
	if (typeof record.transferAmount !== 'number' || !Number.isFinite(record.transferAmount)) {
		return 'missing or invalid "transferAmount"';
	}
	return undefined;
}

/**
 * Reads a delivery in any format SePay sends: JSON (default), application/x-www-form-urlencoded
 * from the raw bytes, or multipart/form-data from the fields n8n already parsed (n8n consumes the
 * multipart stream itself, so no raw bytes exist for it).
 */
export function parseDelivery(raw: Buffer, contentType: string, parsedByN8n: unknown): ParsedDelivery {
	const type = contentType.toLowerCase();
	const text = raw.toString('utf8');
	let candidate: unknown;
	if (type.includes('multipart/form-data')) {
		const parsed = isPlainObject(parsedByN8n) ? parsedByN8n : {};
		candidate = isPlainObject(parsed.data) ? parsed.data : parsed;
	} else if (type.includes('application/x-www-form-urlencoded')) {
		candidate = fromForm(text);
	} else {
		candidate = tryJson(text);
		// Some senders mislabel form bodies; accept them only if they read as a SePay form.
		if (candidate === undefined && /^[\w%.[\]-]+=/.test(text)) candidate = fromForm(text);
	}
	if (!isPlainObject(candidate)) return { ok: false, reason: 'body is not a SePay transaction object' };
	const payload = normalise(candidate);
	const problem = validate(payload);
	return problem === undefined ? { ok: true, payload } : { ok: false, reason: problem };
}
