import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../../transport';
import { requireOAuth2 } from '../authentication';
import { returnAllAndLimit } from '../common.descriptions';

export const description: INodeProperties[] = [
	...returnAllAndLimit('webhook'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['webhook'], operation: ['getAll'] } },
		options: [
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Only the webhook that sends this API key (exact match)',
			},
			{
				displayName: 'Status',
				name: 'active',
				type: 'options',
				default: '1',
				options: [
					{ name: 'Active', value: '1' },
					{ name: 'Inactive', value: '0' },
				],
				description: 'Only active or only inactive webhooks',
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. example.com/webhook',
				description: 'Only webhooks whose URL contains this text',
			},
		],
	},
];

/** GET /webhooks (OAuth2 API, scope webhook:read), page by page. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Webhook → Get Many');
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.webhookUrl) qs.webhook_url = String(filters.webhookUrl).trim();
	if (filters.apiKey) qs.api_key = String(filters.apiKey);
	if (filters.active === '0' || filters.active === '1') qs.active = filters.active;
	const webhooks = await sepayApiRequestAllItems.call(
		this,
		'oAuth2',
		{ method: 'GET', path: '/webhooks', qs, itemIndex },
		{ returnAll, limit },
	);
	return this.helpers.returnJsonArray(webhooks);
}
