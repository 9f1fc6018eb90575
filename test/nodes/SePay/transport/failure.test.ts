import { readFailure, retryAfterMs, sepayErrorOf } from '../../../../nodes/SePay/transport/failure';
import { redact } from '../../../../nodes/SePay/transport/redact';

describe('readFailure', () => {
	it('finds the HTTP response behind n8n\'s error wrapper', () => {
		const axiosLike = Object.assign(new Error('Request failed with status code 429'), {
			response: { status: 429, headers: { 'Retry-After': '2' }, data: { error_code: 'rate_limited' } },
		});
		const wrapped = Object.assign(new Error('wrapped'), { cause: axiosLike, httpCode: '429' });
		const failure = readFailure(wrapped);
		expect(failure.status).toBe(429);
		expect(failure.headers['retry-after']).toBe('2');
		expect(retryAfterMs(failure)).toBe(2000);
	});

	it('reports network failures by their code', () => {
		const failure = readFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
		expect(failure.status).toBeUndefined();
		expect(failure.networkCode).toBe('ECONNREFUSED');
	});

	it('reads X-RateLimit-Reset and the legacy v1 header when Retry-After is absent', () => {
		expect(retryAfterMs({ headers: { 'x-ratelimit-reset': '3' } })).toBe(3000);
		expect(retryAfterMs({ headers: { 'x-sepay-userapi-retry-after': '1' } })).toBe(1000);
		expect(retryAfterMs({ headers: {} })).toBeUndefined();
	});
});

describe('sepayErrorOf', () => {
	it('reads API v2 bodies', () => {
		expect(sepayErrorOf({ status: 'error', message: 'Too many requests', error_code: 'rate_limited' })).toEqual({
			code: 'rate_limited',
			message: 'Too many requests',
			fields: undefined,
		});
	});

	it('reads eInvoice bodies', () => {
		expect(sepayErrorOf({ success: false, error: { code: 'EINVOICE_DOCUMENT_EXISTED', message: 'Đã tồn tại' } })).toMatchObject({
			code: 'EINVOICE_DOCUMENT_EXISTED',
			message: 'Đã tồn tại',
		});
	});

	it('reads OAuth token-endpoint bodies and validation field errors', () => {
		expect(sepayErrorOf({ error: 'invalid_grant', error_description: 'expired' })).toMatchObject({
			code: 'invalid_grant',
			message: 'expired',
		});
		expect(sepayErrorOf({ message: 'Invalid', errors: { webhook_url: ['must be https'] } }).fields).toBe(
			'webhook_url: must be https',
		);
	});
});

describe('redact', () => {
	it('removes authorization values and known secrets', () => {
		const text = 'sent Authorization: Bearer abc.def-123 and apikey Apikey XYZ with secret s3cr3t-value';
		const clean = redact(text, ['s3cr3t-value']);
		expect(clean).not.toContain('abc.def-123');
		expect(clean).not.toContain('XYZ');
		expect(clean).not.toContain('s3cr3t-value');
	});
});
