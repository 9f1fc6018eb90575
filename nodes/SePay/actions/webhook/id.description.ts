import type { INodeProperties } from 'n8n-workflow';

/** The Webhook ID parameter of Get, Update and Delete. */
export function webhookIdField(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: `${description} (its numeric SePay ID, as Get Many or Create output it)`,
		displayOptions: { show: { resource: ['webhook'], operation: operations } },
	};
}
