import { createHmac } from 'node:crypto';

import {
	isAuthentic,
	safeEqual,
	TIMESTAMP_TOLERANCE_SECONDS,
	verifyApiKey,
	verifyHmac,
} from '../../../../nodes/SePay/trigger/verification';

const KEY = 'k3y-0123456789abcdef';
const SECRET = 'whsec_test_secret';
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const BODY = Buffer.from(
	'{"id":92704,"transferType":"in","transferAmount":2277000,"content":"Thanh toán"}',
	'utf8',
);

function sign(secret: string, timestamp: string, body: Buffer): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

function hmacHeaders(timestamp = String(NOW / 1000), body = BODY, secret = SECRET) {
	return { 'x-sepay-timestamp': timestamp, 'x-sepay-signature': sign(secret, timestamp, body) };
}

describe('API key verification', () => {
	it('accepts "Apikey <key>" with any case of the word Apikey', () => {
		expect(verifyApiKey({ authorization: `Apikey ${KEY}` }, KEY)).toBe(true);
		expect(verifyApiKey({ authorization: `APIKEY ${KEY}` }, KEY)).toBe(true);
		expect(verifyApiKey({ authorization: `apikey  ${KEY} ` }, KEY)).toBe(true);
	});

	it.each([
		['missing header', {}],
		['wrong key', { authorization: 'Apikey nope' }],
		['key prefix only', { authorization: `Apikey ${KEY.slice(0, -1)}` }],
		['key with extra text', { authorization: `Apikey ${KEY}x` }],
		['Bearer instead of Apikey', { authorization: `Bearer ${KEY}` }],
		['no prefix', { authorization: KEY }],
		['empty', { authorization: '' }],
	])('rejects %s', (_name, headers) => {
		expect(verifyApiKey(headers as Record<string, string>, KEY)).toBe(false);
	});

	it('never accepts anything when the configured key is empty', () => {
		expect(verifyApiKey({ authorization: 'Apikey ' }, '')).toBe(false);
		expect(verifyApiKey({ authorization: 'Apikey x' }, '')).toBe(false);
	});

	it('compares secrets of different lengths without throwing', () => {
		expect(safeEqual('a', 'a much longer secret')).toBe(false);
		expect(safeEqual('same', 'same')).toBe(true);
	});
});

describe('HMAC-SHA256 verification', () => {
	it('accepts a correct signature over "<timestamp>.<raw body>"', () => {
		expect(verifyHmac(hmacHeaders(), BODY, SECRET, NOW)).toBe(true);
		const upper = hmacHeaders();
		upper['x-sepay-signature'] = upper['x-sepay-signature']
			.replace('sha256=', 'SHA256=')
			.toUpperCase();
		expect(verifyHmac(upper, BODY, SECRET, NOW)).toBe(true);
	});

	it('accepts timestamps within 5 minutes either way', () => {
		const edge = String(NOW / 1000 - TIMESTAMP_TOLERANCE_SECONDS);
		expect(verifyHmac(hmacHeaders(edge), BODY, SECRET, NOW)).toBe(true);
		const future = String(NOW / 1000 + TIMESTAMP_TOLERANCE_SECONDS);
		expect(verifyHmac(hmacHeaders(future), BODY, SECRET, NOW)).toBe(true);
	});

	it.each([
		['stale timestamp', () => hmacHeaders(String(NOW / 1000 - TIMESTAMP_TOLERANCE_SECONDS - 1))],
		['future timestamp', () => hmacHeaders(String(NOW / 1000 + TIMESTAMP_TOLERANCE_SECONDS + 1))],
		['wrong secret', () => hmacHeaders(undefined, BODY, 'whsec_other')],
		[
			'tampered body',
			() => hmacHeaders(undefined, Buffer.from(BODY.toString().replace('2277000', '9277000'))),
		],
		['missing signature', () => ({ 'x-sepay-timestamp': String(NOW / 1000) })],
		['missing timestamp', () => ({ 'x-sepay-signature': hmacHeaders()['x-sepay-signature'] })],
		[
			'signature without prefix',
			() => ({
				...hmacHeaders(),
				'x-sepay-signature': hmacHeaders()['x-sepay-signature'].slice(7),
			}),
		],
		['short signature', () => ({ ...hmacHeaders(), 'x-sepay-signature': 'sha256=abcd' })],
		['non-numeric timestamp', () => ({ ...hmacHeaders(), 'x-sepay-timestamp': 'soon' })],
		[
			'timestamp changed after signing',
			() => ({ ...hmacHeaders(), 'x-sepay-timestamp': String(NOW / 1000 + 1) }),
		],
	])('rejects %s', (_name, headers) => {
		expect(verifyHmac(headers() as Record<string, string>, BODY, SECRET, NOW)).toBe(false);
	});

	it('reads 13-digit timestamps as milliseconds', () => {
		const ms = String(NOW);
		expect(verifyHmac(hmacHeaders(ms), BODY, SECRET, NOW)).toBe(true);
	});
});

describe('isAuthentic', () => {
	it('dispatches on the verification method', () => {
		expect(isAuthentic('none', '', {}, BODY, NOW)).toBe(true);
		expect(isAuthentic('apiKey', KEY, { authorization: `Apikey ${KEY}` }, BODY, NOW)).toBe(true);
		expect(isAuthentic('apiKey', KEY, hmacHeaders(), BODY, NOW)).toBe(false);
		expect(isAuthentic('hmac', SECRET, hmacHeaders(), BODY, NOW)).toBe(true);
		expect(isAuthentic('hmac', SECRET, { authorization: `Apikey ${SECRET}` }, BODY, NOW)).toBe(
			false,
		);
	});
});
