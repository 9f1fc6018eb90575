import type { INodeProperties } from 'n8n-workflow';

/** Webhook settings shared by Create (required ones as their own parameters) and Update. */

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Shop orders',
	description: 'A label for the webhook in SePay (up to 300 characters)',
};

export const webhookUrlField: INodeProperties = {
	displayName: 'Webhook URL',
	name: 'webhookUrl',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/webhook/sepay',
	description: 'Where SePay posts each transaction. Live SePay needs a public HTTPS URL.',
};

export const eventTypeField: INodeProperties = {
	displayName: 'Event Type',
	name: 'eventType',
	type: 'options',
	default: 'In_only',
	options: [
		{ name: 'Money In', value: 'In_only' },
		{ name: 'Money In and Out', value: 'All' },
		{ name: 'Money Out', value: 'Out_only' },
	],
	description: 'Which transactions trigger the webhook (money out works only with some banks)',
};

export const bankModeField: INodeProperties = {
	displayName: 'Bank Accounts',
	name: 'bankMode',
	type: 'options',
	default: 'all',
	options: [
		{
			name: 'All Accounts',
			value: 'all',
			description: 'Every account of the company, also ones linked later',
		},
		{ name: 'One Account', value: 'single' },
		{ name: 'Several Accounts', value: 'multi' },
	],
	description: 'Which bank accounts the webhook watches',
};

export const bankAccountIdsField: INodeProperties = {
	displayName: 'Bank Account Names or IDs',
	name: 'bankAccountIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getBankAccounts' },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const authenTypeField: INodeProperties = {
	displayName: 'Webhook Authentication',
	name: 'authenType',
	type: 'options',
	default: 'Api_Key',
	options: [
		{
			name: 'API Key',
			value: 'Api_Key',
			description: 'SePay sends Authorization: Apikey &lt;key&gt;',
		},
		{
			name: 'HMAC-SHA256',
			value: 'HMAC_SHA256',
			description:
				'SePay signs each request (X-SePay-Signature); the secret is shown once in the output',
		},
		{
			name: 'None',
			value: 'No_Authen',
			description: 'Anyone who knows the URL can post to it; for testing only',
		},
		{
			name: 'OAuth 2.0',
			value: 'OAuth2.0',
			description: 'SePay fetches a token from your token URL',
		},
	],
	description: 'How SePay proves to the receiving URL that a request comes from SePay',
};

export const apiKeyField: INodeProperties = {
	displayName: 'API Key',
	name: 'apiKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: 'The key SePay sends as "Authorization: Apikey &lt;key&gt;"',
};

export const secretKeyField: INodeProperties = {
	displayName: 'Secret Key',
	name: 'secretKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'HMAC secret; leave empty to let SePay generate one (it is returned once, in the output)',
};

export const oauthFields: INodeProperties[] = [
	{
		displayName: 'OAuth2 Client ID',
		name: 'oauth2ClientId',
		type: 'string',
		default: '',
		description: 'Client ID SePay sends to your token URL',
	},
	{
		displayName: 'OAuth2 Client Secret',
		name: 'oauth2ClientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Client secret SePay sends to your token URL',
	},
	{
		displayName: 'OAuth2 Token URL',
		name: 'oauth2Url',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/oauth/token',
		description: 'Your endpoint where SePay gets an access token before each delivery',
	},
];

/** Everything else a webhook has, optional on Create and Update. */
export const optionalFields: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the webhook is enabled',
	},
	{
		displayName: 'Alert Channel IDs',
		name: 'alertChannelIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12, 15',
		description:
			'SePay alert channels (Telegram, Slack, Discord) to notify, as comma-separated IDs',
	},
	{
		displayName: 'Alert Events',
		name: 'alertEventTypes',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Failure', value: 'failure' },
			{ name: 'Recovery', value: 'recovery' },
		],
		description: 'Which delivery events send an alert',
	},
	{
		displayName: 'Alert Threshold',
		name: 'alertThreshold',
		type: 'number',
		default: 3,
		typeOptions: { minValue: 1, maxValue: 20 },
		description: 'Consecutive failed deliveries before SePay alerts (1–20)',
	},
	{
		displayName: 'Content Type',
		name: 'requestContentType',
		type: 'options',
		default: 'Json',
		options: [
			{ name: 'Form URL-Encoded', value: 'application_x-www-form-urlencoded' },
			{ name: 'JSON', value: 'Json' },
			{ name: 'Multipart Form Data', value: 'multipart_form-data' },
		],
		description: 'Body format SePay posts',
	},
	{
		displayName: 'Only Virtual Accounts',
		name: 'onlyVa',
		type: 'boolean',
		default: false,
		description: 'Whether to fire only for transactions to a virtual account',
	},
	{
		displayName: 'Payment Code Prefixes',
		name: 'prefixFilters',
		type: 'string',
		default: '',
		placeholder: 'e.g. DH, HD',
		description:
			'Fire only when the payment code starts with one of these (comma-separated, case-sensitive)',
	},
	{
		displayName: 'Payment Verification Webhook',
		name: 'isVerifyPayment',
		type: 'boolean',
		default: false,
		description: "Whether this is the shop's payment-verification webhook",
	},
	{
		displayName: 'Retry on Failure',
		name: 'retryOnFailure',
		type: 'boolean',
		default: true,
		description:
			'Whether SePay retries a failed delivery (8 attempts over about 33 minutes) when the URL does not answer 200/201 with {"success": true}',
	},
	{
		displayName: 'Skip If No Payment Code',
		name: 'skipIfNoCode',
		type: 'boolean',
		default: false,
		description: 'Whether to skip transactions in which SePay recognised no payment code',
	},
	{
		displayName: 'Virtual Account IDs',
		name: 'bankSubAccountIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 101, 102',
		description:
			'With Virtual Account Mode "Listed": the virtual account (sub-account) IDs, comma-separated',
	},
	{
		displayName: 'Virtual Account Mode',
		name: 'vaMode',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all', description: 'Transactions to any virtual account or none' },
			{
				name: 'Listed',
				value: 'list',
				description: 'Only the virtual accounts listed in Virtual Account IDs',
			},
			{ name: 'None', value: 'none', description: 'Only transactions without a virtual account' },
		],
		description: 'Which virtual accounts the webhook watches',
	},
];
