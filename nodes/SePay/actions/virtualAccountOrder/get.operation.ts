import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { orderContext, readOrderId } from './fields';

export const description: INodeProperties[] = [];

/** The order with its virtual accounts: `status` Pending, Partially (BIDV), Paid or Cancelled; `paid_amount`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { bankAccountId, ref } = await orderContext(this, itemIndex);
	const orderId = readOrderId(this, itemIndex, ref);
	const response = await sepayApiRequest.call(this, 'apiToken', {
		method: 'GET',
		path: `/bank-accounts/${bankAccountId}/orders/${orderId}`,
		itemIndex,
	});
	return [{ json: (response.data ?? {}) as IDataObject }];
}
