/**
 * Workflows of the queue-mode suites. Trigger and polling workflows end in an HTTP Request to the
 * run sink (`<sink>/<lane>/<transaction id>`), so the test counts downstream runs per id. The
 * recipe lane guards the downstream node with n8n's built-in Redis node (Increment with expiry on
 * `sepay:tx:<id>`, atomic across processes) and an If that continues only on 1.
 */
import { credentialRef } from '../demo-credentials';
import type { CredentialJson, WorkflowJson } from '../n8n-instance';
import { chain, node, ourType, sepayNode, type NodeJson } from '../workflow-json';

export const TRIGGER = 'SePay Trigger';
export const REDIS_CREDENTIAL = { type: 'redis', id: 'e2eQueueRedis001', name: 'Redis (queue e2e)' };
/** Seconds a claimed id is kept in Redis: SePay retries for ~33 minutes; a day is a wide margin. */
export const RECIPE_TTL_S = 86_400;

export const QUEUE_WF = {
	plain: 'e2eQueueTrigPlain1',
	recipe: 'e2eQueueTrigRecipe1',
	polling: 'e2eQueuePolling01',
	apiToken: 'e2eQueueWorkApiTok1',
	oAuth2: 'e2eQueueWorkOAuth21',
	eInvoice: 'e2eQueueWorkEInv01',
};

export const QUEUE_HOOK = { plain: 'sepay-e2e-queue-plain-0001', recipe: 'sepay-e2e-queue-recipe-0001' };
export const QUEUE_API_KEY = 'e2e-queue-trigger-key-2b7e4c9a1d';
/** Webhook-node paths of the worker workflows (`/webhook/<path>`). */
export const WORKER_PATH = { apiToken: 'sepay-e2e-queue-apitoken', oAuth2: 'sepay-e2e-queue-oauth2', eInvoice: 'sepay-e2e-queue-einvoice' };

export const triggerPath = (webhookId: string): string => `/webhook/${webhookId}/webhook`;

export function redisCredential(port: number): CredentialJson {
	return { ...REDIS_CREDENTIAL, data: { host: '127.0.0.1', port, database: 0, password: '' } };
}

function sepayTrigger(webhookId: string): NodeJson {
	return node(
		TRIGGER,
		ourType('sePayTrigger'),
		{ registration: 'manual', verification: 'apiKey', apiKey: QUEUE_API_KEY, direction: 'both', options: { simplify: false } },
		{ webhookId },
	);
}

function toSink(sinkUrl: string, lane: string, idExpression: string): NodeJson {
	return node('Downstream', 'n8n-nodes-base.httpRequest', { method: 'POST', url: `=${sinkUrl}/${lane}/{{ ${idExpression} }}`, options: {} }, { typeVersion: 4.2 });
}

/** Redis INCR (with expiry) on the transaction id, then If the count is 1: the exactly-once gate. */
export function recipeNodes(idExpression = '$json.id'): NodeJson[] {
	return [
		node(
			'Claim transaction id',
			'n8n-nodes-base.redis',
			{ operation: 'incr', key: `=sepay:tx:{{ ${idExpression} }}`, expire: true, ttl: RECIPE_TTL_S },
			{ credentials: { redis: { id: REDIS_CREDENTIAL.id, name: REDIS_CREDENTIAL.name } } },
		),
		node(
			'First time?',
			'n8n-nodes-base.if',
			{
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
					conditions: [
						{
							id: 'b1c2d3e4-0000-4000-8000-000000000001',
							// The Redis node outputs { "<key>": <count> }.
							leftValue: '={{ Object.values($json)[0] }}',
							rightValue: 1,
							operator: { type: 'number', operation: 'equals' },
						},
					],
					combinator: 'and',
				},
				options: {},
			},
			{ typeVersion: 2.2 },
		),
	];
}

function webhookStart(path: string): NodeJson {
	return node('Webhook', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} }, { typeVersion: 2, webhookId: `${path}-id` });
}

export function queueWorkflows(sinkUrl: string): WorkflowJson[] {
	const pollTimes = { item: Array.from({ length: 12 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 5} * * * * *` })) };
	return [
		chain(QUEUE_WF.plain, 'e2e queue: SePay Trigger → downstream (trigger memory only)', [
			sepayTrigger(QUEUE_HOOK.plain),
			toSink(sinkUrl, 'plain', '$json.id'),
		]),
		chain(QUEUE_WF.recipe, 'e2e queue: SePay Trigger → Redis claim → If first → downstream', [
			sepayTrigger(QUEUE_HOOK.recipe),
			...recipeNodes(),
			toSink(sinkUrl, 'recipe', `$('${TRIGGER}').item.json.id`),
		]),
		chain(QUEUE_WF.polling, 'e2e queue: SePay Polling Trigger (main) → downstream (worker)', [
			node('SePay Polling Trigger', ourType('sePayPollingTrigger'), { pollTimes, authentication: 'apiToken', direction: 'both', filters: {}, options: {} }, { credentials: credentialRef('apiToken') }),
			toSink(sinkUrl, 'poll', '$json.id'),
		]),
		chain(QUEUE_WF.apiToken, 'e2e queue: webhook → transactions (API token) on a worker', [
			webhookStart(WORKER_PATH.apiToken),
			sepayNode('Transactions', { authentication: 'apiToken', resource: 'transaction', operation: 'getAll', returnAll: false, limit: 3 }, 'apiToken'),
		]),
		chain(QUEUE_WF.oAuth2, 'e2e queue: webhook → bank accounts (OAuth2) on a worker', [
			webhookStart(WORKER_PATH.oAuth2),
			sepayNode('Accounts', { authentication: 'oAuth2', resource: 'bankAccount', operation: 'getAll', returnAll: true }, 'oAuth2'),
		]),
		chain(QUEUE_WF.eInvoice, 'e2e queue: webhook → eInvoice usage on a worker', [
			webhookStart(WORKER_PATH.eInvoice),
			sepayNode('Usage', { resource: 'einvoiceUsage', operation: 'get' }, 'eInvoice'),
		]),
	];
}
