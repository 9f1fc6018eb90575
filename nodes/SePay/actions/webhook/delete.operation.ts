import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { requireOAuth2 } from '../authentication';
import { webhookId } from '../../webhooks/body';
import { webhookIdField } from './id.description';

export const description: INodeProperties[] = [webhookIdField(['delete'], 'The webhook to delete')];

/** DELETE /webhooks/{id} (OAuth2 API, scope webhook:delete); outputs `{ deleted: true, id }`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Webhook → Delete');
	const id = webhookId(this.getNode(), itemIndex, this.getNodeParameter('webhookId', itemIndex));
	await sepayApiRequest.call(this, 'oAuth2', {
		method: 'DELETE',
		path: `/webhooks/${id}`,
		itemIndex,
	});
	return this.helpers.returnJsonArray({ deleted: true, id: Number(id) });
}
