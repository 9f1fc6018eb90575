import { NodeApiError } from 'n8n-workflow';

import { failureOf, toNodeApiError } from '../../../../nodes/SePay/transport/errors';
import { readFailure, retryAfterMs, sepayErrorOf } from '../../../../nodes/SePay/transport/failure';
import { redact } from '../../../../nodes/SePay/transport/redact';

describe('readFailure', () => {
	it("finds the HTTP response behind n8n's error wrapper", () => {
		const axiosLike = Object.assign(new Error('Request failed with status code 429'), {
			response: {
				status: 429,
				headers: { 'Retry-After': '2' },
				data: { error_code: 'rate_limited' },
			},
		});
		const wrapped = Object.assign(new Error('wrapped'), { cause: axiosLike, httpCode: '429' });
		const failure = readFailure(wrapped);
		expect(failure.status).toBe(429);
		expect(failure.headers['retry-after']).toBe('2');
		expect(retryAfterMs(failure)).toBe(2000);
	});

	it('reports network failures by their code', () => {
		const failure = readFailure(
			Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
		);
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
		expect(
			sepayErrorOf({ status: 'error', message: 'Too many requests', error_code: 'rate_limited' }),
		).toEqual({
			code: 'rate_limited',
			message: 'Too many requests',
			fields: undefined,
		});
	});

	it('reads eInvoice bodies', () => {
		expect(
			sepayErrorOf({
				success: false,
				error: { code: 'EINVOICE_DOCUMENT_EXISTED', message: 'Đã tồn tại' },
			}),
		).toMatchObject({
			code: 'EINVOICE_DOCUMENT_EXISTED',
			message: 'Đã tồn tại',
		});
	});

	it('reads OAuth token-endpoint bodies and validation field errors', () => {
		expect(sepayErrorOf({ error: 'invalid_grant', error_description: 'expired' })).toMatchObject({
			code: 'invalid_grant',
			message: 'expired',
		});
		expect(
			sepayErrorOf({ message: 'Invalid', errors: { webhook_url: ['must be https'] } }).fields,
		).toBe('webhook_url: must be https');
	});
});

describe('redact', () => {
	it('removes authorization values and known secrets', () => {
		const text =
			'sent Authorization: Bearer abc.def-123 and apikey Apikey XYZ with secret s3cr3t-value';
		const clean = redact(text, ['s3cr3t-value']);
		expect(clean).not.toContain('abc.def-123');
		expect(clean).not.toContain('XYZ');
		expect(clean).not.toContain('s3cr3t-value');
	});
});

describe('failureOf: a failed call as data', () => {
	const node = {
		id: '1',
		name: 'SePay',
		type: 'n8n-nodes-sepay.sePay',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};

	it("reads the status and SePay's code and message the transport put on its error", () => {
		const error = toNodeApiError(
			node,
			{
				status: 409,
				headers: {},
				data: { error_code: 'EINVOICE_DOCUMENT_EXISTED', message: 'Đã tồn tại' },
			},
			{ family: 'einvoice', secrets: [], rateLimitRetries: 0 },
		);
		expect(failureOf(error)).toEqual({
			status: 409,
			code: 'EINVOICE_DOCUMENT_EXISTED',
			sepayMessage: 'Đã tồn tại',
		});
	});

	it('gives nothing for errors that did not come from a SePay answer', () => {
		expect(failureOf(new Error('boom'))).toEqual({});
		expect(failureOf(new NodeApiError(node, { message: 'x' }, { message: 'x' }))).toEqual({
			status: undefined,
			code: undefined,
			sepayMessage: undefined,
		});
	});
});
