import { sleep } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { ApiFamily } from './errors';
import { toNodeApiError } from './errors';
import { lowerCaseHeaders, readFailure, retryAfterMs } from './failure';
import type { Failure } from './failure';
import { deferSlots, waitForSlot } from './pacer';

export type SePayContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

/** Bounds: a 429 is retried this often, a 5xx/network failure on a read this often. */
export const MAX_RATE_LIMIT_RETRIES = 5;
export const MAX_SERVER_RETRIES = 3;
const SERVER_BACKOFF_MS = 500;
/** Longer waits than this are not slept through: the user is told instead. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

export interface SendOptions {
	credentialType: string;
	family: ApiFamily;
	pace: { key: string; perSecond: number };
	secrets: unknown[];
	itemIndex?: number;
}

function isTransient(failure: Failure): boolean {
	return failure.status === undefined ? failure.networkCode !== undefined : failure.status >= 500;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

type Outcome = { ok: true; body: unknown } | { ok: false; failure: Failure };

/**
 * One attempt. Error statuses come back as responses (not thrown) so the Retry-After headers and
 * SePay's error body stay readable: n8n's thrown errors drop both. A 401 on a credential that can
 * renew itself (OAuth2 refresh, eInvoice token) is sent once more the normal way, where n8n's own
 * helper renews the token on the 401 and resends.
 */
async function attempt(context: SePayContext, request: IHttpRequestOptions, options: SendOptions): Promise<Outcome> {
	const helpers = context.helpers as IExecuteFunctions['helpers'];
	const send = async (extra: Partial<IHttpRequestOptions>) =>
		// A fresh copy each time: n8n signs (mutates) the options it is given.
		await helpers.httpRequestWithAuthentication.call(context as IExecuteFunctions, options.credentialType, {
			...request,
			headers: { ...(request.headers ?? {}) },
			...extra,
		});
	try {
		const response = (await send({ returnFullResponse: true, ignoreHttpStatusErrors: true })) as FullResponse;
		if (response.statusCode < 400) return { ok: true, body: response.body };
		const failure: Failure = {
			status: response.statusCode,
			headers: lowerCaseHeaders(response.headers),
			data: response.body,
		};
		// Only OAuth2 and eInvoice tokens renew themselves; a fixed key's 401 is final.
		if (response.statusCode !== 401 || options.family === 'apiToken' || options.family === 'paymentGateway') return { ok: false, failure };
		return { ok: true, body: await send({}) };
	} catch (error) {
		return { ok: false, failure: readFailure(error) };
	}
}

/**
 * One SePay call through n8n's authenticated request helper (so proxies, token refresh and
 * pre-authentication behave as in any n8n node), paced under the rate limit, with bounded retries:
 * a 429 is always safe to repeat (SePay checks the limit before doing anything), a 5xx or network
 * failure only for reads, so nothing is ever created twice.
 */
export async function sendWithRetries(
	this: SePayContext,
	request: IHttpRequestOptions,
	options: SendOptions,
): Promise<unknown> {
	const idempotent = ['GET', 'HEAD'].includes(String(request.method ?? 'GET').toUpperCase());
	let rateLimitRetries = 0;
	let serverRetries = 0;
	for (;;) {
		const answered = await waitForSlot(options.pace.key, options.pace.perSecond);
		let outcome: Outcome;
		try {
			outcome = await attempt(this, request, options);
		} finally {
			answered();
		}
		if (outcome.ok) return outcome.body;
		const failure = outcome.failure;
		if (failure.status === 429 && rateLimitRetries < MAX_RATE_LIMIT_RETRIES) {
			const wait = Math.max(250, retryAfterMs(failure) ?? 1000 * (rateLimitRetries + 1));
			if (wait <= MAX_RATE_LIMIT_WAIT_MS) {
				rateLimitRetries++;
				deferSlots(options.pace.key, Date.now() + wait);
				await sleep(wait);
				continue;
			}
		}
		if (idempotent && isTransient(failure) && serverRetries < MAX_SERVER_RETRIES) {
			serverRetries++;
			await sleep(SERVER_BACKOFF_MS * 2 ** (serverRetries - 1));
			continue;
		}
		throw toNodeApiError(this.getNode(), failure, {
			family: options.family,
			itemIndex: options.itemIndex,
			secrets: options.secrets,
			rateLimitRetries,
		});
	}
}
