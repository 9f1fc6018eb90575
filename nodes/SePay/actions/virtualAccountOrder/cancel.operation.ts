import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { orderContext, readOrderId } from './fields';

export const description: INodeProperties[] = [];

/** Only Pending orders; every Unpaid VA of the order is cancelled with it (204, no body). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { bankAccountId, ref } = await orderContext(this, itemIndex);
	const orderId = readOrderId(this, itemIndex, ref);
	await sepayApiRequest.call(this, 'apiToken', {
		method: 'DELETE',
		path: `/bank-accounts/${bankAccountId}/orders/${orderId}`,
		itemIndex,
	});
	return [{ json: { id: orderId, cancelled: true } }];
}
