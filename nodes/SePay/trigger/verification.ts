import { createHash, createHmac, timingSafeEqual } from 'crypto';

/** How SePay proves a delivery is genuine (its `authen_type`), as chosen on the node. */
export type Verification = 'apiKey' | 'hmac' | 'none';

/** SePay's documented replay window for HMAC timestamps. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Equal-time comparison of two secrets of any length: both sides are hashed first, so neither
 * the content nor the length of the expected value leaks through timing.
 */
export function safeEqual(given: string | Buffer, expected: string | Buffer): boolean {
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** Spaces and tabs only: `trim()` would also cut byte 0xA0, which ends many UTF-8 characters. */
function trimSpaces(text: string): string {
	return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * `Authorization: Apikey <key>`, with the variants SePay integrations are known to send: any case
 * of the scheme, spaces or tabs around it, and `Bearer ` before `Apikey`. Anything else is refused.
 *
 * The key is compared as bytes with the configured key (UTF-8), in constant time. Node reads header
 * bytes as latin1 (one character per byte), so a UTF-8 key arrives as its bytes; a host that
 * decoded the header as text already is matched on that text's UTF-8 bytes too. Each comparison
 * hashes both sides first, so its time says nothing about the key.
 */
export function verifyApiKey(headers: Headers, apiKey: string): boolean {
	if (apiKey === '') return false;
	const authorization = header(headers, 'authorization');
	if (typeof authorization !== 'string') return false;
	const match = /^(?:bearer[ \t]+)?apikey[ \t]+([\s\S]+)$/i.exec(trimSpaces(authorization));
	if (!match) return false;
	const given = trimSpaces(match[1]);
	const expected = Buffer.from(apiKey, 'utf8');
	const oneBytePerChar = [...given].every((char) => char.charCodeAt(0) <= 0xff);
	const asBytes = oneBytePerChar && safeEqual(Buffer.from(given, 'latin1'), expected);
	const asText = safeEqual(Buffer.from(given, 'utf8'), expected);
	return asBytes || asText;
}

/** Unix seconds from the header; 13-digit values are read as milliseconds (tolerant, UNCONFIRMED unit). */
function readTimestamp(raw: string): number | undefined {
	const text = raw.trim();
	if (!/^\d{1,13}$/.test(text)) return undefined;
	const value = Number(text);
	return text.length === 13 ? Math.floor(value / 1000) : value;
}

/**
 * `X-SePay-Signature: sha256=<hex>` = HMAC-SHA256(secret, "<X-SePay-Timestamp>.<raw body>"),
 * with the timestamp no more than 5 minutes away from now (either way).
 */
export function verifyHmac(
	headers: Headers,
	rawBody: Buffer,
	secret: string,
	nowMs: number,
): boolean {
	if (secret === '') return false;
	const signature = header(headers, 'x-sepay-signature');
	const timestampHeader = header(headers, 'x-sepay-timestamp');
	if (typeof signature !== 'string' || typeof timestampHeader !== 'string') return false;
	const timestamp = readTimestamp(timestampHeader);
	if (timestamp === undefined) return false;
	if (Math.abs(nowMs / 1000 - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) return false;
	const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
	if (!match) return false;
	const expected = createHmac('sha256', secret)
		.update(Buffer.concat([Buffer.from(`${timestampHeader.trim()}.`, 'utf8'), rawBody]))
		.digest();
	return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}

/** Whether a delivery passes the node's verification. */
export function isAuthentic(
	verification: Verification,
	secret: string,
	headers: Headers,
	rawBody: Buffer,
	nowMs: number,
): boolean {
	if (verification === 'none') return true;
	if (verification === 'apiKey') return verifyApiKey(headers, secret);
	return verifyHmac(headers, rawBody, secret, nowMs);
}
