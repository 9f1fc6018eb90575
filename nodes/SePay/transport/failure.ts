import type { IDataObject } from 'n8n-workflow';

/** What went wrong with one HTTP call, read from whatever n8n or axios threw. */
export interface Failure {
	status?: number;
	headers: Record<string, string>;
	data?: unknown;
	/** Network-level code such as ECONNREFUSED or ETIMEDOUT, when no response came back. */
	networkCode?: string;
	/** The error's own message, for failures with no HTTP response (e.g. an OAuth2 refresh). */
	message?: string;
	/**
	 * The token endpoint refused to renew the token (n8n's OAuth2 client throws code EAUTH, e.g.
	 * for invalid_grant: the refresh token was revoked or expired). Only a reconnect helps.
	 */
	tokenRefused?: boolean;
}

interface ResponseLike {
	status?: number;
	statusCode?: number;
	headers?: Record<string, unknown>;
	data?: unknown;
	body?: unknown;
}

/** n8n wraps axios' error in NodeApiError (as `cause`); look through the chain for the response. */
export function readFailure(error: unknown): Failure {
	let current = error as (IDataObject & { cause?: unknown; response?: ResponseLike }) | undefined;
	let networkCode: string | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		const response = current.response;
		if (response && typeof response === 'object' && (response.status ?? response.statusCode)) {
			return {
				status: Number(response.status ?? response.statusCode),
				headers: lowerCaseHeaders(response.headers),
				data: response.data ?? response.body,
			};
		}
		if (current.code === 'EAUTH') {
			return {
				headers: {},
				data: current.body,
				tokenRefused: true,
				message: String(current.message ?? ''),
			};
		}
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code))
			networkCode = current.code;
		// n8n's request helper rethrows a dropped connection as NodeApiError with httpCode "ECONNRESET".
		if (
			!networkCode &&
			typeof current.httpCode === 'string' &&
			/^E[A-Z_]+$/.test(current.httpCode)
		) {
			networkCode = current.httpCode;
		}
		current = current.cause as typeof current;
	}
	// n8n's NodeApiError keeps no response, only the status and (as context.data) a JSON body.
	const wrapper = (error ?? {}) as IDataObject & { context?: IDataObject; messages?: unknown[] };
	const httpCode = Number(wrapper.httpCode);
	const status = Number.isInteger(httpCode) && httpCode >= 100 ? httpCode : undefined;
	const texts = [wrapper.message, ...(Array.isArray(wrapper.messages) ? wrapper.messages : [])].map(
		String,
	);
	networkCode ??=
		status === undefined ? texts.join(' ').match(/\b(E[A-Z]{3,}[A-Z_]*)\b/)?.[1] : undefined;
	if (networkCode === 'EAUTH')
		return {
			headers: {},
			data: wrapper.context?.data,
			tokenRefused: true,
			message: String(wrapper.message ?? ''),
		};
	return {
		status,
		headers: {},
		data: wrapper.context?.data,
		networkCode,
		message: error instanceof Error ? error.message : undefined,
	};
}

export function lowerCaseHeaders(
	headers: Record<string, unknown> | undefined,
): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
	}
	return result;
}

/** Milliseconds SePay asked us to wait: Retry-After, then X-RateLimit-Reset, then legacy v1's header. */
export function retryAfterMs(failure: Failure): number | undefined {
	for (const name of ['retry-after', 'x-ratelimit-reset', 'x-sepay-userapi-retry-after']) {
		const raw = failure.headers[name];
		if (raw === undefined) continue;
		const seconds = Number(raw);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
		const date = Date.parse(raw);
		if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
	}
	return undefined;
}

/** SePay's code and message from any of its error bodies (API v2, OAuth2 API, OAuth token endpoint, eInvoice). */
export function sepayErrorOf(data: unknown): { code?: string; message?: string; fields?: string } {
	if (!data || typeof data !== 'object') {
		return typeof data === 'string' && data.trim() ? { message: data.trim().slice(0, 300) } : {};
	}
	const body = data as IDataObject;
	const nested = (
		typeof body.error === 'object' && body.error !== null ? body.error : {}
	) as IDataObject;
	const messages = (
		typeof body.messages === 'object' && body.messages !== null ? body.messages : {}
	) as IDataObject;
	const code = firstString(
		body.error_code,
		nested.code,
		typeof body.error === 'string' ? body.error : undefined,
		body.code,
	);
	const message = firstString(body.message, nested.message, body.error_description, messages.error);
	return { code, message, fields: fieldErrors(body.errors ?? nested.errors ?? nested.details) };
}

function firstString(...values: unknown[]): string | undefined {
	for (const value of values)
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return undefined;
}

/** Validation errors as "field: message; field: message". */
function fieldErrors(errors: unknown): string | undefined {
	if (!errors || typeof errors !== 'object') return undefined;
	const parts = Object.entries(errors as IDataObject).map(([field, value]) => {
		const text = Array.isArray(value)
			? value.join(', ')
			: typeof value === 'object'
				? JSON.stringify(value)
				: String(value);
		return `${field}: ${text}`;
	});
	return parts.length ? parts.join('; ') : undefined;
}
