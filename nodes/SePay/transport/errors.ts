import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { Failure } from './failure';
import { sepayErrorOf } from './failure';
import { redact } from './redact';

/** Which SePay API failed: each has its own advice. */
export type ApiFamily = 'apiToken' | 'oAuth2' | 'einvoice' | 'paymentGateway';

export interface ErrorContext {
	family: ApiFamily;
	itemIndex?: number;
	/** Literal secrets of the credential, scrubbed from anything shown. */
	secrets: unknown[];
	rateLimitRetries: number;
}

const UNAUTHORIZED_ADVICE: Record<ApiFamily, string> = {
	apiToken:
		"Check that the API token is active in my.sepay.vn → Company Settings → API Access and that the credential's environment matches it (Test-mode tokens work only with Sandbox).",
	oAuth2:
		'n8n could not use or refresh the access token. Reconnect the SePay OAuth2 credential, and check its environment.',
	einvoice:
		"n8n fetched a new eInvoice token and SePay still refused it. Check the client ID, the client secret and the credential's environment.",
	paymentGateway:
		"Check the merchant ID and secret key in my.sepay.vn → Payment Gateway, and that the credential's environment matches them (sandbox and production have different pairs).",
};

const FORBIDDEN_ADVICE: Record<ApiFamily, string> = {
	apiToken: 'The API token may not use this resource.',
	oAuth2:
		'The OAuth2 app lacks the scope for this operation, or the SePay user who connected it lacks the permission (Company needs an Admin). Ask SePay to grant the scope, then reconnect the credential.',
	einvoice:
		'Check the eInvoice account: its quota may be used up or the provider account may not be active.',
	paymentGateway: 'The merchant may not use this API (ask SePay to enable it or whitelist the IP).',
};

const SERVICE_NAMES: Partial<Record<ApiFamily, string>> = {
	einvoice: 'SePay eInvoice',
	paymentGateway: 'SePay Payment Gateway',
};

function summaryFor(failure: Failure, context: ErrorContext): { message: string; advice: string } {
	const status = failure.status;
	const service = SERVICE_NAMES[context.family] ?? 'SePay';
	if (failure.tokenRefused) {
		return {
			message: `${service} refused to renew the access token: the credential must be reconnected`,
			advice:
				'The refresh token was revoked or has expired (for example after the app was disconnected in my.sepay.vn). Open the SePay OAuth2 credential and click Reconnect, then run the workflow again.',
		};
	}
	if (status === undefined) {
		if (failure.networkCode) {
			return {
				message: `Could not reach ${service}`,
				advice: `The connection failed (${failure.networkCode}). Check the credential's environment or base URL and the network.`,
			};
		}
		return {
			message:
				context.family === 'oAuth2'
					? 'Could not authorize with SePay OAuth2'
					: `The request to ${service} failed`,
			advice:
				context.family === 'oAuth2'
					? UNAUTHORIZED_ADVICE.oAuth2
					: 'Try again; if it persists, check the credential.',
		};
	}
	if (status === 401)
		return {
			message: `${service} rejected the credentials (401)`,
			advice: UNAUTHORIZED_ADVICE[context.family],
		};
	if (status === 403)
		return { message: `${service} refused access (403)`, advice: FORBIDDEN_ADVICE[context.family] };
	if (status === 404)
		return { message: `${service} found no such record (404)`, advice: 'Check the ID.' };
	if (status === 409)
		return {
			message: `${service} says the record already exists (409)`,
			advice: 'Use another reference, or fetch the existing record.',
		};
	if (status === 429) {
		return {
			message: `${service} is still rate limiting after ${context.rateLimitRetries} retries (429)`,
			advice:
				'SePay allows 3 requests per second per IP. Process fewer items at once, wait a moment, or enable Retry On Fail with a wait.',
		};
	}
	if (status >= 500)
		return { message: `${service} had a server problem (${status})`, advice: 'Try again later.' };
	return {
		message: `${service} rejected the request (${status})`,
		advice: 'Check the values sent.',
	};
}

/** A NodeApiError that keeps SePay's code and message, adds what to do, and holds no secret. */
export function toNodeApiError(node: INode, failure: Failure, context: ErrorContext): NodeApiError {
	const { message, advice } = summaryFor(failure, context);
	const sepay = sepayErrorOf(failure.data);
	const said = [
		sepay.code ? `[${sepay.code}]` : '',
		sepay.message ?? '',
		sepay.fields ? `(${sepay.fields})` : '',
	]
		.filter(Boolean)
		.join(' ');
	const fallback = failure.status === undefined && failure.message ? failure.message : '';
	const description = [said ? `SePay said: ${said}.` : fallback, advice].filter(Boolean).join(' ');
	const scrub = (text: string) => redact(text, context.secrets);
	const shownMessage = scrub(sepay.code ? `${message}: ${sepay.code}` : message);
	const error = new NodeApiError(
		node,
		{
			message: shownMessage,
			code: sepay.code ?? null,
			sepayMessage: sepay.message ? scrub(sepay.message) : null,
		} as JsonObject,
		{
			message: shownMessage,
			description: scrub(description),
			httpCode: failure.status !== undefined ? String(failure.status) : undefined,
			itemIndex: context.itemIndex,
		},
	);
	return error;
}

/** A failed call as data: what the transport put on its NodeApiError, for callers that branch on it. */
export interface FailureData {
	/** The HTTP status, when SePay answered. */
	status?: number;
	/** SePay's own error code, e.g. EINVOICE_DOCUMENT_EXISTED. */
	code?: string;
	/** SePay's message (often Vietnamese), secrets scrubbed. */
	sepayMessage?: string;
}

/** Status and SePay code of an error thrown by the transport (nothing for anything else). */
export function failureOf(error: unknown): FailureData {
	if (!(error instanceof NodeApiError)) return {};
	const status = Number(error.httpCode);
	const response = (error.errorResponse ?? {}) as { code?: unknown; sepayMessage?: unknown };
	return {
		status: Number.isInteger(status) && status >= 100 ? status : undefined,
		code: typeof response.code === 'string' && response.code ? response.code : undefined,
		sepayMessage:
			typeof response.sepayMessage === 'string' && response.sepayMessage
				? response.sepayMessage
				: undefined,
	};
}
