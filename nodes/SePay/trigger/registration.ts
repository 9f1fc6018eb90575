import { randomBytes } from 'crypto';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { failureOf, sepayApiRequest, sepayApiRequestAllItems } from '../transport';
import type { Direction } from '../transactions/filters';
import { readFilters } from '../transactions/filters';
import { webhookBody } from '../webhooks/body';
import type { Verification } from './verification';

/** One SePay webhook this node registered. */
export interface Registration extends IDataObject {
	id: number | string;
	verification: Verification;
	secret: string;
}

/**
 * What `create` keeps in the node's static data, per webhook URL: n8n registers the test URL
 * (while listening for a test event) and the production URL separately, and neither may
 * overwrite the other's id or secret.
 */
export interface RegistrationState extends IDataObject {
	registrations?: Record<string, Registration>;
}

/** Every registration this node made (deliveries may verify against any of them). */
export function registrationsOf(data: IDataObject): Registration[] {
	return Object.values((data as RegistrationState).registrations ?? {});
}

const EVENT_TYPE: Record<Direction, string> = { in: 'In_only', out: 'Out_only', both: 'All' };
const AUTHEN_TYPE: Record<Verification, string> = {
	apiKey: 'Api_Key',
	hmac: 'HMAC_SHA256',
	none: 'No_Authen',
};

export function isAutomatic(context: IHookFunctions): boolean {
	return context.getNodeParameter('registration', 'manual') === 'automatic';
}

function registrations(context: IHookFunctions): Record<string, Registration> {
	const data = context.getWorkflowStaticData('node') as RegistrationState;
	data.registrations ??= {};
	return data.registrations;
}

/** SePay webhooks whose URL is exactly ours (the API's `webhook_url` filter matches partially). */
async function webhooksForUrl(context: IHookFunctions, url: string): Promise<IDataObject[]> {
	const found = await sepayApiRequestAllItems.call(
		context,
		'oAuth2',
		{ method: 'GET', path: '/webhooks', qs: { webhook_url: url } },
		{ returnAll: true, perPage: 100 },
	);
	return found.filter((webhook) => webhook.webhook_url === url);
}

async function deleteWebhook(context: IHookFunctions, id: unknown): Promise<void> {
	// The transport already turned any failure into a NodeApiError; only "not found" is fine here.
	const failure = await sepayApiRequest
		.call(context, 'oAuth2', { method: 'DELETE', path: `/webhooks/${String(id)}` })
		.then(
			() => undefined,
			(error: unknown) => error,
		);
	if (failure === undefined) return;
	if (failureOf(failure).status !== 404) throw failure;
	context.logger.info(`SePay webhook ${String(id)} was already gone`);
}

/** Whether SePay still has the webhook this node created, for this URL, with a secret we know. */
export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(this)) return true;
	const url = this.getNodeWebhookUrl('default') as string;
	const all = registrations(this);
	const mine = all[url];
	if (mine === undefined) return false;
	const existing = await webhooksForUrl(this, url);
	if (existing.some((webhook) => String(webhook.id) === String(mine.id))) {
		const verification = this.getNodeParameter('verification', 'apiKey') as Verification;
		if (mine.verification === verification) return true;
		this.logger.info('SePay webhook was registered with another verification; it will be replaced');
		return false;
	}
	this.logger.info(
		`SePay webhook ${String(mine.id)} no longer exists; a new one will be registered`,
	);
	delete all[url];
	return false;
}

function createdId(body: IDataObject): number | string | undefined {
	const data = (body.data ?? {}) as IDataObject;
	const id = data.id ?? body.id;
	return typeof id === 'number' || (typeof id === 'string' && id !== '') ? id : undefined;
}

function clearSecret(value: unknown): string | undefined {
	// SePay shows secrets once, then masked ("****abcd"); a masked value is useless here.
	return typeof value === 'string' && value !== '' && !value.includes('*') ? value : undefined;
}

/** Secret SePay generated for an HMAC webhook: in the create response, or in the webhook itself. */
async function hmacSecret(
	context: IHookFunctions,
	body: IDataObject,
	id: unknown,
): Promise<string | undefined> {
	const data = (body.data ?? {}) as IDataObject;
	const fromCreate = clearSecret(data.secret_key) ?? clearSecret(body.secret_key);
	if (fromCreate) return fromCreate;
	const details = await sepayApiRequest.call(context, 'oAuth2', {
		method: 'GET',
		path: `/webhooks/${String(id)}`,
	});
	return clearSecret(((details.data ?? {}) as IDataObject).secret_key);
}

/** Numeric SePay ids of the accounts named in the Bank Account Numbers filter. */
async function accountIds(context: IHookFunctions, numbers: string[]): Promise<number[]> {
	if (numbers.length === 0) return [];
	const accounts = await sepayApiRequestAllItems.call(
		context,
		'oAuth2',
		{ method: 'GET', path: '/bank-accounts' },
		{ returnAll: true, perPage: 100 },
	);
	const ids = accounts
		.filter((account) => numbers.includes(String(account.account_number)))
		.map((account) => Number(account.id))
		.filter((id) => Number.isFinite(id));
	// Numbers that are virtual accounts match no bank account: let SePay send all, the node filters.
	return ids.length === numbers.length ? ids : [];
}

/** The Bank Accounts fields of the Webhook resource that scope a webhook to these accounts. */
function accountFields(ids: number[]): { fields: IDataObject; bankAccountId?: string } {
	if (ids.length === 0) return { fields: { bankMode: 'all' } };
	if (ids.length === 1) return { fields: { bankMode: 'single' }, bankAccountId: String(ids[0]) };
	return { fields: { bankMode: 'multi', bankAccountIds: ids } };
}

/** Registers this node's URL with SePay; replaces any webhook left behind for the same URL. */
export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(this)) return true;
	const url = this.getNodeWebhookUrl('default') as string;
	const verification = this.getNodeParameter('verification', 'apiKey') as Verification;
	const filters = readFilters(
		this.getNodeParameter('direction', 'in'),
		this.getNodeParameter('filters', {}) as IDataObject,
	);

	// Our URL carries n8n's unique webhook id, so a webhook with exactly this URL is one this
	// node made before (static data lost, or another verification): replace, never duplicate.
	for (const stale of await webhooksForUrl(this, url)) {
		this.logger.info(`Removing SePay webhook ${String(stale.id)} left over for this URL`);
		await deleteWebhook(this, stale.id);
	}

	const apiKey = verification === 'apiKey' ? randomBytes(32).toString('hex') : undefined;
	const workflow = this.getWorkflow();
	const accounts = accountFields(await accountIds(this, filters.accountNumbers));
	// The same body builder as the Webhook resource's Create, fed the fields a user would set.
	const body = webhookBody(
		this.getNode(),
		0,
		{
			name: `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`.slice(0, 300),
			eventType: EVENT_TYPE[filters.direction],
			authenType: AUTHEN_TYPE[verification],
			apiKey,
			webhookUrl: url,
			requestContentType: 'Json',
			...accounts.fields,
			isVerifyPayment: false,
			skipIfNoCode: false,
			onlyVa: false,
			retryOnFailure: true,
			active: true,
		},
		{ bankAccountId: accounts.bankAccountId, partial: false },
	);
	const response = await sepayApiRequest.call(this, 'oAuth2', {
		method: 'POST',
		path: '/webhooks',
		body,
	});
	const id = createdId(response);
	if (id === undefined) {
		throw new NodeOperationError(this.getNode(), 'SePay did not return the ID of the new webhook', {
			description: 'The webhook may have been created: check Integrations → Webhooks in SePay.',
		});
	}

	let secret = apiKey ?? '';
	if (verification === 'hmac') {
		const hmac = await hmacSecret(this, response, id);
		if (!hmac) {
			await deleteWebhook(this, id);
			throw new NodeOperationError(
				this.getNode(),
				'SePay did not return the HMAC secret of the new webhook',
				{
					description: 'Choose API Key verification, or register the webhook manually.',
				},
			);
		}
		secret = hmac;
	}

	registrations(this)[url] = { id, verification, secret };
	return true;
}

/** Removes the webhook this node registered (nothing remote in Manual mode). */
export async function deleteRegisteredWebhook(this: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(this)) return true;
	const url = this.getNodeWebhookUrl('default') as string;
	const all = registrations(this);
	const mine = all[url];
	if (mine === undefined) return true;
	await deleteWebhook(this, mine.id);
	delete all[url];
	return true;
}
