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
import { canRenew, LET_N8N_RENEW, renewToken } from './renewal';
import type { Renewal } from './renewal';

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
 * SePay's error body stay readable: n8n's thrown errors drop both, and n8n's own renew-and-resend
 * on a thrown 401 would send a second request outside the pacer. `renewal` carries what a token
 * renewal needs (see renewal.ts).
 */
async function attempt(
	context: SePayContext,
	request: IHttpRequestOptions,
	options: SendOptions,
	renewal: Renewal,
): Promise<Outcome> {
	const helpers = context.helpers as IExecuteFunctions['helpers'];
	const byN8n = renewal === LET_N8N_RENEW;
	try {
		// A fresh copy each time: n8n signs (mutates) the options it is given.
		const response = (await helpers.httpRequestWithAuthentication.call(
			context as IExecuteFunctions,
			options.credentialType,
			{
				...request,
				headers: { ...(request.headers ?? {}) },
				returnFullResponse: true,
				ignoreHttpStatusErrors: !byN8n,
			},
			byN8n ? undefined : renewal,
		)) as FullResponse;
		if (response.statusCode < 400) return { ok: true, body: response.body };
		return {
			ok: false,
			failure: {
				status: response.statusCode,
				headers: lowerCaseHeaders(response.headers),
				data: response.body,
			},
		};
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
	// A 401 on a credential that renews itself: renew once, then resend through the pacer.
	let renewed = false;
	let extra: Renewal;
	for (;;) {
		const answered = await waitForSlot(options.pace.key, options.pace.perSecond);
		let outcome: Outcome;
		try {
			outcome = await attempt(this, request, options, extra);
			extra = undefined;
		} finally {
			answered();
		}
		if (outcome.ok) return outcome.body;
		const failure = outcome.failure;
		if (failure.status === 401 && !renewed && canRenew(options.family)) {
			renewed = true;
			try {
				extra = await renewToken(this, options.credentialType, options.family, options.pace.key);
			} catch (error) {
				throw toNodeApiError(
					this.getNode(),
					readFailure(error),
					errorContext(options, rateLimitRetries),
				);
			}
			continue;
		}
		if (failure.status === 429) {
			const wait = Math.max(250, retryAfterMs(failure) ?? 1000 * (rateLimitRetries + 1));
			// Every call with this credential waits, also when this one gives up (too long, too often).
			deferSlots(options.pace.key, Date.now() + wait);
			if (wait <= MAX_RATE_LIMIT_WAIT_MS && rateLimitRetries < MAX_RATE_LIMIT_RETRIES) {
				rateLimitRetries++;
				await sleep(wait);
				continue;
			}
		}
		if (idempotent && isTransient(failure) && serverRetries < MAX_SERVER_RETRIES) {
			serverRetries++;
			await sleep(SERVER_BACKOFF_MS * 2 ** (serverRetries - 1));
			continue;
		}
		throw toNodeApiError(this.getNode(), failure, errorContext(options, rateLimitRetries));
	}
}

function errorContext(options: SendOptions, rateLimitRetries: number) {
	return {
		family: options.family,
		itemIndex: options.itemIndex,
		secrets: options.secrets,
		rateLimitRetries,
	};
}
