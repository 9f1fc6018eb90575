import type { IDataObject, INode } from 'n8n-workflow';

import type { FieldRef } from '../helpers/invalidInput';
import { invalidInput } from '../helpers/invalidInput';
import { httpUrl, isEmpty, numericIds, sepayId, splitList } from '../helpers/inputValues';

/** Display names, so errors name the field the user filled in. */
const LABELS: Record<string, string> = {
	active: 'Active',
	alertChannelIds: 'Alert Channel IDs',
	alertEventTypes: 'Alert Events',
	alertThreshold: 'Alert Threshold',
	apiKey: 'API Key',
	authenType: 'Webhook Authentication',
	bankAccount: 'Bank Account',
	bankAccountIds: 'Bank Account Names or IDs',
	bankMode: 'Bank Accounts',
	bankSubAccountIds: 'Virtual Account IDs',
	eventType: 'Event Type',
	isVerifyPayment: 'Payment Verification Webhook',
	name: 'Name',
	oauth2Url: 'OAuth2 Token URL',
	oauth2ClientId: 'OAuth2 Client ID',
	oauth2ClientSecret: 'OAuth2 Client Secret',
	onlyVa: 'Only Virtual Accounts',
	prefixFilters: 'Payment Code Prefixes',
	requestContentType: 'Content Type',
	retryOnFailure: 'Retry on Failure',
	secretKey: 'Secret Key',
	skipIfNoCode: 'Skip If No Payment Code',
	vaMode: 'Virtual Account Mode',
	webhookUrl: 'Webhook URL',
};

const ENUMS: Record<string, string[]> = {
	authenType: ['Api_Key', 'HMAC_SHA256', 'No_Authen', 'OAuth2.0'],
	bankMode: ['all', 'multi', 'single'],
	eventType: ['All', 'In_only', 'Out_only'],
	requestContentType: ['Json', 'application_x-www-form-urlencoded', 'multipart_form-data'],
	vaMode: ['all', 'list', 'none'],
};

/** Text fields: node name → SePay's field. */
const SNAKE: Array<[string, string]> = [
	['apiKey', 'api_key'],
	['authenType', 'authen_type'],
	['eventType', 'event_type'],
	['name', 'name'],
	['oauth2ClientId', 'oauth2_client_id'],
	['oauth2ClientSecret', 'oauth2_client_secret'],
	['requestContentType', 'request_content_type'],
	['secretKey', 'secret_key'],
	['vaMode', 'va_mode'],
];

/** SePay's own plugins send booleans as 1/0. */
const FLAGS: Record<string, string> = {
	active: 'active',
	isVerifyPayment: 'is_verify_payment',
	onlyVa: 'only_va',
	skipIfNoCode: 'skip_if_no_code',
};

const isSet = (value: unknown): boolean => !isEmpty(value);

const WEBHOOK_URL_EXPECTED =
	'a full http(s) URL such as https://example.com/webhook (Live SePay requires HTTPS)';

/**
 * The JSON body of POST/PATCH /webhooks from the node's fields (camelCase, as the user set them).
 * `bankAccountId` is already resolved to the OAuth2 API's numeric id.
 */
export function webhookBody(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
	options: { bankAccountId?: string; partial: boolean },
): IDataObject {
	const { bankAccountId, partial } = options;
	const ref = (key: string): FieldRef => ({ node, itemIndex, field: LABELS[key] ?? key });
	const body: IDataObject = {};
	for (const [key, allowed] of Object.entries(ENUMS)) {
		if (isSet(fields[key]) && !allowed.includes(String(fields[key]))) {
			throw invalidInput(ref(key), `one of ${allowed.join(', ')}`, fields[key]);
		}
	}
	for (const [key, snake] of SNAKE) {
		if (isSet(fields[key]) && String(fields[key]).trim() !== '')
			body[snake] = String(fields[key]).trim();
	}
	if (body.name !== undefined && String(body.name).length > 300)
		throw invalidInput(ref('name'), 'a name of at most 300 characters', fields.name);
	if (isSet(fields.webhookUrl))
		body.webhook_url = httpUrl(fields.webhookUrl, ref('webhookUrl'), WEBHOOK_URL_EXPECTED);
	if (isSet(fields.oauth2Url))
		body.oauth2_access_token_url = httpUrl(
			fields.oauth2Url,
			ref('oauth2Url'),
			WEBHOOK_URL_EXPECTED,
		);
	for (const [key, snake] of Object.entries(FLAGS)) {
		if (typeof fields[key] === 'boolean') body[snake] = fields[key] ? 1 : 0;
	}
	if (typeof fields.retryOnFailure === 'boolean')
		body.retry_conditions = { non_2xx_status_code: fields.retryOnFailure ? 1 : 0 };
	if (isSet(fields.prefixFilters)) body.prefix_filters = splitList(fields.prefixFilters);
	if (isSet(fields.bankSubAccountIds))
		body.bank_sub_account_ids = numericIds(fields.bankSubAccountIds, ref('bankSubAccountIds'));
	if (isSet(fields.alertChannelIds))
		body.alert_channel_ids = numericIds(fields.alertChannelIds, ref('alertChannelIds'));
	if (isSet(fields.alertEventTypes)) body.alert_event_types = splitList(fields.alertEventTypes);
	if (isSet(fields.alertThreshold)) {
		const threshold = Number(fields.alertThreshold);
		if (!Number.isInteger(threshold) || threshold < 1 || threshold > 20) {
			throw invalidInput(
				ref('alertThreshold'),
				'a whole number from 1 to 20',
				fields.alertThreshold,
			);
		}
		body.alert_threshold = threshold;
	}

	// Accounts: bank_account_id is what every SePay version reads; 0 means the whole company.
	const mode = isSet(fields.bankMode) ? String(fields.bankMode) : undefined;
	const ids = isSet(fields.bankAccountIds)
		? numericIds(fields.bankAccountIds, ref('bankAccountIds'))
		: undefined;
	if (mode === 'all') {
		body.bank_mode = 'all';
		body.bank_account_id = 0;
	} else if (mode === 'single' || (mode === undefined && bankAccountId !== undefined)) {
		if (bankAccountId === undefined)
			throw invalidInput(
				ref('bankAccount'),
				'a bank account when Bank Accounts is "One Account"',
				'',
			);
		if (mode) body.bank_mode = 'single';
		body.bank_account_id = Number(bankAccountId);
	} else if (mode === 'multi') {
		if (!ids?.length)
			throw invalidInput(
				ref('bankAccountIds'),
				'at least one bank account when Bank Accounts is "Several Accounts"',
				fields.bankAccountIds,
			);
		body.bank_mode = 'multi';
		body.bank_account_ids = ids;
		// Older SePay versions know only bank_account_id: give them the first account, never "all".
		body.bank_account_id = ids[0];
	}

	// On Update the webhook may already hold the key: SePay checks that itself.
	if (partial) return body;
	if (!isSet(body.webhook_url))
		throw invalidInput(ref('webhookUrl'), 'the URL SePay should post transactions to', '');
	if (!isSet(body.name)) throw invalidInput(ref('name'), 'a name for the webhook', '');
	if (body.authen_type === 'Api_Key' && !isSet(body.api_key)) {
		throw invalidInput(
			ref('apiKey'),
			'the key SePay should send when Webhook Authentication is "API Key"',
			'',
		);
	}
	if (body.authen_type === 'OAuth2.0') {
		for (const key of ['oauth2Url', 'oauth2ClientId', 'oauth2ClientSecret']) {
			if (!isSet(fields[key]))
				throw invalidInput(ref(key), 'a value when Webhook Authentication is "OAuth 2.0"', '');
		}
	}
	return body;
}

/** The numeric webhook id of the OAuth2 API. */
export function webhookId(node: INode, itemIndex: number, raw: unknown): string {
	return sepayId('oAuth2', raw, { node, itemIndex, field: 'Webhook ID' });
}
