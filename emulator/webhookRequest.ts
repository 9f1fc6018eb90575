/**
 * How SePay encodes and authenticates one webhook request (§6.2, §6.3): the body per
 * `request_content_type`, then `Authorization: Apikey <key>` or the HMAC-SHA256 headers
 * (`X-SePay-Timestamp`, `X-SePay-Signature: sha256=<hex of HMAC(secret, "<ts>.<raw body>")>`).
 */
import { createHmac } from 'node:crypto';

import type { RequestContentType, Webhook, WebhookPayload } from './types';

function fieldValue(value: unknown): string {
	return value === null || value === undefined ? '' : String(value);
}

/** Same bytes on every attempt of a delivery; only the auth headers change per attempt. */
export function encodeBody(
	payload: WebhookPayload,
	type: RequestContentType,
	boundaryKey: number,
): { body: string; contentType: string } {
	if (type === 'application_x-www-form-urlencoded') {
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(payload)) params.append(k, fieldValue(v));
		return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
	}
	if (type === 'multipart_form-data') {
		const boundary = `----SePayFormBoundary${boundaryKey.toString(16).padStart(8, '0')}`;
		let body = '';
		for (const [k, v] of Object.entries(payload)) {
			body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${fieldValue(v)}\r\n`;
		}
		body += `--${boundary}--\r\n`;
		return { body, contentType: `multipart/form-data; boundary=${boundary}` };
	}
	return { body: JSON.stringify(payload), contentType: 'application/json' };
}

export function signBody(secret: string, timestamp: number, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function authHeaders(
	webhook: Webhook,
	body: string,
	now = Date.now(),
): Record<string, string> {
	if (webhook.authen_type === 'Api_Key' && webhook.api_key)
		return { Authorization: `Apikey ${webhook.api_key}` };
	if (webhook.authen_type === 'HMAC_SHA256' && webhook.secret_key) {
		const ts = Math.floor(now / 1000);
		return {
			'X-SePay-Timestamp': String(ts),
			'X-SePay-Signature': signBody(webhook.secret_key, ts, body),
		};
	}
	return {};
}

/** SePay's success rule (§6.4): HTTP 200 or 201 and a JSON body `{"success": true}`. */
export function isSuccess(status: number | null, body: string | null): boolean {
	if (status !== 200 && status !== 201) return false;
	try {
		const parsed = JSON.parse(body ?? '');
		return parsed !== null && typeof parsed === 'object' && parsed.success === true;
	} catch {
		return false;
	}
}
