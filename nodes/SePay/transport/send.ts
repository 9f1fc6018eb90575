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
import { readFailure, retryAfterMs } from './failure';
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
		await waitForSlot(options.pace.key, options.pace.perSecond);
		try {
			// A fresh copy each time: n8n signs (mutates) the options it is given.
			const attempt: IHttpRequestOptions = { ...request, headers: { ...(request.headers ?? {}) } };
			return await (this.helpers as IExecuteFunctions['helpers']).httpRequestWithAuthentication.call(
				this as IExecuteFunctions,
				options.credentialType,
				attempt,
			);
		} catch (error) {
			const failure = readFailure(error);
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
}
