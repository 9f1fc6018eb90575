import type { INodeProperties } from 'n8n-workflow';

/** Direction and Filters: shared by the webhook and the polling trigger. */
export const directionProperty: INodeProperties = {
	displayName: 'Direction',
	name: 'direction',
	type: 'options',
	options: [
		{ name: 'Both', value: 'both', description: 'Money in and money out' },
		{ name: 'Money In', value: 'in', description: 'Incoming transfers only' },
		{ name: 'Money Out', value: 'out', description: 'Outgoing transfers only' },
	],
	default: 'in',
	description: 'Which transactions start the workflow',
};

export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Bank Account Numbers',
			name: 'accountNumbers',
			type: 'string',
			default: '',
			placeholder: '0071000888888, 19034567890123',
			description: 'Only transactions of these accounts (or virtual accounts), comma-separated',
		},
		{
			displayName: 'Content Contains',
			name: 'contentContains',
			type: 'string',
			default: '',
			description: 'Only transactions whose transfer content contains this text (case-insensitive)',
		},
		{
			displayName: 'Max Amount',
			name: 'maxAmount',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Only transactions of at most this amount in VND (0 means no limit)',
		},
		{
			displayName: 'Min Amount',
			name: 'minAmount',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Only transactions of at least this amount in VND',
		},
		{
			displayName: 'Only With Payment Code',
			name: 'onlyWithPaymentCode',
			type: 'boolean',
			default: false,
			description: 'Whether to ignore transactions in which SePay recognised no payment code',
		},
		{
			displayName: 'Payment Code Prefix',
			name: 'paymentCodePrefix',
			type: 'string',
			default: '',
			placeholder: 'DH, INV',
			description:
				'Only transactions whose payment code starts with one of these prefixes, comma-separated (case-insensitive)',
		},
	],
};

/** Simplify: the one compact transaction shape (simplify.ts) instead of SePay's raw record. */
export const simplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};
