import type { INodeProperties } from 'n8n-workflow';

import { bankAccountLocator } from '../bankAccountLocator';

/**
 * The OAuth2 API documents fewer filters than API v2: the others are shown with API Token only
 * (n8n then also drops their values when Authentication is OAuth2, as for any hidden parameter).
 */
const apiTokenOnly = { show: { '/authentication': ['apiToken'] } };

/** Display names of the filters, for messages that name a field. */
export const FILTER_LABELS: Record<string, string> = {
	amountIn: 'Amount In',
	amountInMax: 'Amount In Max',
	amountInMin: 'Amount In Min',
	amountOut: 'Amount Out',
	amountOutMax: 'Amount Out Max',
	amountOutMin: 'Amount Out Min',
	bankAccount: 'Bank Account',
	bankBrandName: 'Bank',
	content: 'Transfer Content',
	dateFrom: 'Date From',
	dateTo: 'Date To',
	referenceNumber: 'Reference Number',
	search: 'Search',
	sinceId: 'Since ID',
	transferType: 'Direction',
	virtualAccountId: 'Virtual Account ID',
	webhookDelivered: 'Webhook Delivered',
};

/** The Filters collection of Transaction → Get Many and Count. */
export function transactionFilters(operations: string[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['transaction'], operation: operations } },
		options: [
			{
				displayName: 'Amount In',
				name: 'amountIn',
				type: 'number',
				default: 0,
				description: 'Only money received of exactly this many VND',
			},
			{
				displayName: 'Amount In Max',
				name: 'amountInMax',
				type: 'number',
				default: 0,
				description: 'Only money received of at most this many VND',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Amount In Min',
				name: 'amountInMin',
				type: 'number',
				default: 0,
				description: 'Only money received of at least this many VND',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Amount Out',
				name: 'amountOut',
				type: 'number',
				default: 0,
				description: 'Only money sent of exactly this many VND',
			},
			{
				displayName: 'Amount Out Max',
				name: 'amountOutMax',
				type: 'number',
				default: 0,
				description: 'Only money sent of at most this many VND',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Amount Out Min',
				name: 'amountOutMin',
				type: 'number',
				default: 0,
				description: 'Only money sent of at least this many VND',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Bank',
				name: 'bankBrandName',
				type: 'string',
				default: '',
				placeholder: 'e.g. ACB',
				description:
					"Only transactions at this bank (SePay's bank brand name, e.g. ACB, BIDV, Vietcombank)",
				displayOptions: apiTokenOnly,
			},
			bankAccountLocator({
				required: false,
				description:
					'Only transactions of this bank account (from the list, by ID or by account number)',
			}),
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description:
					'Only transactions at or after this time: YYYY-MM-DD, YYYY-MM-DD HH:mm:ss (Vietnam time) or ISO 8601. The OAuth2 API filters by whole days.',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description:
					'Only transactions at or before this time (a bare date includes that whole day). The OAuth2 API filters by whole days.',
			},
			{
				displayName: 'Direction',
				name: 'transferType',
				type: 'options',
				default: 'in',
				options: [
					{ name: 'Money In', value: 'in' },
					{ name: 'Money Out', value: 'out' },
				],
				description: 'Only money received or only money sent',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Reference Number',
				name: 'referenceNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. FT26069ABC',
				description: "The bank's reference number of the transaction (exact match)",
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. DH123456',
				description:
					'Text found in the payment code, transfer content or reference number, e.g. an order code',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Since ID',
				name: 'sinceId',
				type: 'string',
				default: '',
				placeholder: 'e.g. a1b2c3d4-e5f6-7890-abcd-ef1234567890',
				description:
					'Only transactions newer than this transaction ID (API v2 UUID), to fetch what is new since the last run; combine with Sort: Oldest First',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Transfer Content',
				name: 'content',
				type: 'string',
				default: '',
				description: 'Text found in the transfer content (memo)',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Virtual Account ID',
				name: 'virtualAccountId',
				type: 'string',
				default: '',
				placeholder: 'e.g. a2b3c4d5-e6f7-8901-bcde-f12345678901',
				description: 'Only transactions to this virtual account (its API v2 UUID)',
				displayOptions: apiTokenOnly,
			},
			{
				displayName: 'Webhook Delivered',
				name: 'webhookDelivered',
				type: 'options',
				default: '0',
				options: [
					{ name: 'Delivered', value: '1' },
					{ name: 'Not Delivered', value: '0' },
				],
				description:
					'Only transactions whose webhook was (or was not) delivered, e.g. to catch up what a webhook missed',
				displayOptions: apiTokenOnly,
			},
		],
	};
}

/** Sort of Transaction → Get Many (API v2 only; the OAuth2 API returns newest first). */
export const sortProperty: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'options',
	default: 'transaction_date_sort:desc',
	options: [
		{ name: 'Amount In, Highest First', value: 'amount_in_sort:desc' },
		{ name: 'Amount In, Lowest First', value: 'amount_in_sort:asc' },
		{ name: 'Amount Out, Highest First', value: 'amount_out_sort:desc' },
		{ name: 'Amount Out, Lowest First', value: 'amount_out_sort:asc' },
		{ name: 'Date, Newest First', value: 'transaction_date_sort:desc' },
		{ name: 'Date, Oldest First', value: 'transaction_date_sort:asc' },
	],
	description: 'Order of the transactions',
	displayOptions: {
		show: { resource: ['transaction'], operation: ['getAll'], authentication: ['apiToken'] },
	},
};
