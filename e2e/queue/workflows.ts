/**
 * Workflows of the queue-mode suites. Trigger and polling workflows end in an HTTP Request to the
 * run sink (`<sink>/<lane>/<transaction id>`), so the test counts downstream runs per id. The
 * recipe lane is example 7 as shipped: n8n's built-in Redis node (Increment with expiry on
 * `sepay:tx:<id>`, atomic across processes), then an If that continues only on 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../cache';
import { credentialRef } from '../demo-credentials';
import type { CredentialJson, WorkflowJson } from '../n8n-instance';
import { chain, node, ourType, sepayNode, type NodeJson } from '../workflow-json';

export const TRIGGER = 'SePay Trigger';
export const EXAMPLE_7 = {
	file: '7-exactly-once-queue-mode.json',
	trigger: 'Incoming Transaction',
	claim: 'Claim Transaction Id',
	handle: 'Handle Payment',
};
export const REDIS_CREDENTIAL = {
	type: 'redis',
	id: 'e2eQueueRedis001',
	name: 'Redis (queue e2e)',
};

export const QUEUE_WF = {
	plain: 'e2eQueueTrigPlain1',
	recipe: 'e2eQueueTrigRecipe1',
	polling: 'e2eQueuePolling01',
	apiToken: 'e2eQueueWorkApiTok1',
	oAuth2: 'e2eQueueWorkOAuth21',
	eInvoice: 'e2eQueueWorkEInv01',
};

export const QUEUE_HOOK = {
	plain: 'sepay-e2e-queue-plain-0001',
	recipe: 'sepay-e2e-queue-recipe-0001',
};
export const QUEUE_API_KEY = 'e2e-queue-trigger-key-2b7e4c9a1d';
/** Webhook-node paths of the worker workflows (`/webhook/<path>`). */
export const WORKER_PATH = {
	apiToken: 'sepay-e2e-queue-apitoken',
	oAuth2: 'sepay-e2e-queue-oauth2',
	eInvoice: 'sepay-e2e-queue-einvoice',
};

export const triggerPath = (webhookId: string): string => `/webhook/${webhookId}/webhook`;

export function redisCredential(port: number): CredentialJson {
	return { ...REDIS_CREDENTIAL, data: { host: '127.0.0.1', port, database: 0, password: '' } };
}

function sepayTrigger(webhookId: string): NodeJson {
	return node(
		TRIGGER,
		ourType('sePayTrigger'),
		{
			registration: 'manual',
			verification: 'apiKey',
			apiKey: QUEUE_API_KEY,
			direction: 'both',
			options: { simplify: false },
		},
		{ webhookId },
	);
}

function toSink(sinkUrl: string, lane: string, idExpression: string): NodeJson {
	return node(
		'Downstream',
		'n8n-nodes-base.httpRequest',
		{ method: 'POST', url: `=${sinkUrl}/${lane}/{{ ${idExpression} }}`, options: {} },
		{ typeVersion: 4.2 },
	);
}

/** Example 7 (the exactly-once recipe) as shipped, pointed at this test's key, Redis and sink. */
function recipeFromExample(sinkUrl: string): WorkflowJson {
	const wf = JSON.parse(
		readFileSync(join(REPO_ROOT, 'examples', EXAMPLE_7.file), 'utf8'),
	) as WorkflowJson;
	const nodes = wf.nodes as NodeJson[];
	const named = (name: string) => {
		const found = nodes.find((n) => n.name === name);
		if (!found)
			throw new Error(
				`examples/${EXAMPLE_7.file}: no node "${name}" (the example changed; update e2e/queue/workflows.ts)`,
			);
		return found;
	};
	const trigger = named(EXAMPLE_7.trigger);
	trigger.parameters = { ...trigger.parameters, apiKey: QUEUE_API_KEY };
	trigger.webhookId = QUEUE_HOOK.recipe;
	named(EXAMPLE_7.claim).credentials = {
		redis: { id: REDIS_CREDENTIAL.id, name: REDIS_CREDENTIAL.name },
	};
	// The shop's endpoint becomes the run sink (same node, same place in the flow).
	const handle = named(EXAMPLE_7.handle);
	handle.parameters = {
		method: 'POST',
		url: `=${sinkUrl}/recipe/{{ $('${EXAMPLE_7.trigger}').item.json.id }}`,
		options: {},
	};
	return { ...wf, id: QUEUE_WF.recipe, name: `e2e queue: ${wf.name}` };
}

function webhookStart(path: string): NodeJson {
	return node(
		'Webhook',
		'n8n-nodes-base.webhook',
		{ httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
		{ typeVersion: 2, webhookId: `${path}-id` },
	);
}

export function queueWorkflows(sinkUrl: string): WorkflowJson[] {
	const pollTimes = {
		item: Array.from({ length: 12 }, (_, i) => ({
			mode: 'custom',
			cronExpression: `${i * 5} * * * * *`,
		})),
	};
	return [
		chain(QUEUE_WF.plain, 'e2e queue: SePay Trigger → downstream (trigger memory only)', [
			sepayTrigger(QUEUE_HOOK.plain),
			toSink(sinkUrl, 'plain', '$json.id'),
		]),
		recipeFromExample(sinkUrl),
		chain(QUEUE_WF.polling, 'e2e queue: SePay Polling Trigger (main) → downstream (worker)', [
			node(
				'SePay Polling Trigger',
				ourType('sePayPollingTrigger'),
				{ pollTimes, authentication: 'apiToken', direction: 'both', filters: {}, options: {} },
				{ credentials: credentialRef('apiToken') },
			),
			toSink(sinkUrl, 'poll', '$json.id'),
		]),
		chain(QUEUE_WF.apiToken, 'e2e queue: webhook → transactions (API token) on a worker', [
			webhookStart(WORKER_PATH.apiToken),
			sepayNode(
				'Transactions',
				{
					authentication: 'apiToken',
					resource: 'transaction',
					operation: 'getAll',
					returnAll: false,
					limit: 3,
				},
				'apiToken',
			),
		]),
		chain(QUEUE_WF.oAuth2, 'e2e queue: webhook → bank accounts (OAuth2) on a worker', [
			webhookStart(WORKER_PATH.oAuth2),
			sepayNode(
				'Accounts',
				{ authentication: 'oAuth2', resource: 'bankAccount', operation: 'getAll', returnAll: true },
				'oAuth2',
			),
		]),
		chain(QUEUE_WF.eInvoice, 'e2e queue: webhook → eInvoice usage on a worker', [
			webhookStart(WORKER_PATH.eInvoice),
			sepayNode('Usage', { resource: 'einvoiceUsage', operation: 'get' }, 'eInvoice'),
		]),
	];
}
