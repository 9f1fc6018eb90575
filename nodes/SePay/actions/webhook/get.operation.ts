import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { requireOAuth2 } from '../authentication';
import { webhookId } from '../../webhooks/body';
import { webhookIdField } from './id.description';

export const description: INodeProperties[] = [webhookIdField(['get'], 'The webhook to get')];

/** GET /webhooks/{id} (OAuth2 API, scope webhook:read). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Webhook → Get');
	const id = webhookId(this.getNode(), itemIndex, this.getNodeParameter('webhookId', itemIndex));
	const response = await sepayApiRequest.call(this, 'oAuth2', {
		method: 'GET',
		path: `/webhooks/${id}`,
		itemIndex,
	});
	return this.helpers.returnJsonArray((response.data ?? {}) as IDataObject);
}
