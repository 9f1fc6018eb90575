import type { INodeProperties } from 'n8n-workflow';

/** SePay's IPN notification types (PG-IPN; RENEWAL_ORDER_PAID only in one snapshot, U14). */
export const NOTIFICATION_TYPES = ['ORDER_PAID', 'TRANSACTION_VOID', 'RENEWAL_ORDER_PAID'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"In SePay (my.sepay.vn → Payment Gateway → Configuration → IPN): paste this node's Production URL (shown above), choose the Secret Key authentication so SePay sends X-Secret-Key, save, then publish the workflow. Sandbox and production each have their own IPN setting.",
		name: 'registrationNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{ name: 'Order Paid', value: 'ORDER_PAID', description: 'A one-time payment succeeded' },
			{
				name: 'Renewal Order Paid',
				value: 'RENEWAL_ORDER_PAID',
				description: 'A recurring payment succeeded (if SePay sends it)',
			},
			{
				name: 'Transaction Voided',
				value: 'TRANSACTION_VOID',
				description: 'A card payment was voided',
			},
		],
		default: ['ORDER_PAID'],
		required: true,
		description: 'Which notifications start the workflow; the others are acknowledged and ignored',
	},
	{
		displayName: 'Secret',
		name: 'secretSource',
		type: 'options',
		options: [
			{
				name: "Credential's Secret Key",
				value: 'credential',
				description: 'SePay documents the IPN X-Secret-Key as the merchant secret key',
			},
			{
				name: 'Another Secret',
				value: 'custom',
				description: 'If your IPN settings show a different secret than the API secret key',
			},
		],
		default: 'credential',
		description: 'The value SePay sends in the X-Secret-Key header',
	},
	{
		displayName: 'IPN Secret',
		name: 'ipnSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { secretSource: ['custom'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ignore Duplicates',
				name: 'deduplicate',
				type: 'boolean',
				default: true,
				description:
					'Whether a notification SePay sends again (same type, order and transaction) starts the workflow only once',
			},
		],
	},
];
