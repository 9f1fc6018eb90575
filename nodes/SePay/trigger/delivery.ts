import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { simplifyTransaction } from '../transactions/simplify';
import { MAX_BODY_BYTES, parseDelivery } from './body';
import { keyList } from '../transactions/matching';
import { WorkflowMemory } from '../transactions/workflowMemory';
import { claimDelivery } from './answerAfterRun';
import { deliveryKeys, exactTransaction } from './deliveryKeys';
import { matchesFilters, readFilters } from '../transactions/filters';
import { registrationsOf } from './registration';
import { acknowledge, answer, reject, SEPAY_SUCCESS } from './respond';
import type { Verification } from './verification';
import { isAuthentic } from './verification';

/** Node static-data key of the ids this trigger remembered before the workflow's shared memory. */
export const SEEN_IDS_KEY = 'seenTransactionIds';

/**
 * The exact bytes SePay sent. n8n keeps them as `req.rawBody` (a Buffer) for JSON, form and text
 * bodies. Only when it is absent (multipart, or an unusual host) is the parsed body re-serialised:
 * good enough for API-key checks and parsing, but an HMAC then only verifies if SePay's bytes
 * happened to be identical, so such deliveries fail closed with 401.
 */
function rawBodyOf(context: IWebhookFunctions): Buffer {
	const raw = (context.getRequestObject() as unknown as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	const parsed = context.getBodyData();
	return Buffer.from(
		parsed && Object.keys(parsed).length > 0 ? JSON.stringify(parsed) : '',
		'utf8',
	);
}

interface Credential {
	verification: Verification;
	secret: string;
}

/**
 * What a delivery may prove itself with: the registrations this node made (Automatic; the test
 * and the production URL each have their own), or the node's parameters (Manual). Automatic
 * with nothing registered yet accepts nothing.
 */
function acceptedCredentials(context: IWebhookFunctions): Credential[] {
	if (context.getNodeParameter('registration', 'manual') === 'automatic') {
		return registrationsOf(context.getWorkflowStaticData('node'));
	}
	const verification = context.getNodeParameter('verification', 'apiKey') as Verification;
	if (verification === 'apiKey')
		return [{ verification, secret: String(context.getNodeParameter('apiKey', '')) }];
	if (verification === 'hmac')
		return [{ verification, secret: String(context.getNodeParameter('hmacSecret', '')) }];
	return [{ verification, secret: '' }];
}

function declaredLength(context: IWebhookFunctions): number {
	const length = Number(context.getHeaderData()['content-length']);
	return Number.isFinite(length) ? length : 0;
}

/** One SePay delivery: size → authenticity → format → filters → duplicates → run. */
export async function handleDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (declaredLength(this) > MAX_BODY_BYTES) return reject(this, 413);
	const raw = rawBodyOf(this);
	if (raw.length > MAX_BODY_BYTES) return reject(this, 413);

	const headers = this.getHeaderData() as Record<string, string | string[] | undefined>;
	const now = Date.now();
	const authentic = acceptedCredentials(this).some(({ verification, secret }) =>
		isAuthentic(verification, secret, headers, raw, now),
	);
	if (!authentic) {
		this.logger.debug('SePay Trigger rejected a delivery that failed verification');
		return reject(this, 401);
	}

	const contentType = String(headers['content-type'] ?? '');
	const parsed = parseDelivery(raw, contentType, this.getBodyData());
	if (!parsed.ok) {
		this.logger.debug(`SePay Trigger rejected a malformed delivery: ${parsed.reason}`);
		return reject(this, 400);
	}

	const payload = parsed.payload;
	const filters = readFilters(
		this.getNodeParameter('direction', 'in'),
		this.getNodeParameter('filters', {}) as IDataObject,
	);
	if (!matchesFilters(simplifyTransaction(payload), filters)) return acknowledge(this);

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const simplified = options.simplify !== false;
	const json = simplified ? exactTransaction(payload) : payload;
	// The exact id text: 9007199254740993 and 9007199254740992, or "0077001" and "77001", are two
	// transactions. SePay's dashboard test sends id 0: it runs every time and is never remembered (README).
	const keys = deliveryKeys(json, simplified);
	if (keyList(keys).length === 0) return start(this, json, false);

	const answeredByWorkflow = options.acknowledge === 'workflowEnd';
	const memory = new WorkflowMemory(this);
	if (this.getMode() !== 'manual') memory.adopt(this.getWorkflowStaticData('node'), SEEN_IDS_KEY);
	if (options.deduplicate === false) {
		if (!answeredByWorkflow) memory.remember([keys]);
		return start(this, json, answeredByWorkflow);
	}
	// First: a run's claim that lapses is remembered as it is checked.
	const underWay = answeredByWorkflow && memory.underWay(keys);
	// A run of it ended (even a failed one: n8n keeps it to retry) or another trigger ran it.
	if (memory.knows(keys)) return acknowledge(this);
	if (!answeredByWorkflow) {
		memory.remember([keys]);
		return start(this, json, false);
	}
	if (underWay || !claimDelivery(this, memory, keys)) {
		return answer(this, 409, {
			success: false,
			message: 'This transaction is being processed; deliver it again later',
		});
	}
	return start(this, json, true);
}

/** Starts the workflow; SePay is answered now, or by n8n with the workflow's last output. */
function start(
	context: IWebhookFunctions,
	json: IDataObject,
	answeredByWorkflow: boolean,
): IWebhookResponseData {
	if (answeredByWorkflow) return { workflowData: [[{ json }]] };
	return answer(context, 200, SEPAY_SUCCESS, [[{ json }]]);
}
