import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';
import { sepayApiRequest } from '../../transport';
import { orderContext, readOrderId, show } from './fields';

export const description: INodeProperties[] = [
	{
		displayName: 'VA Number',
		name: 'vaNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 963NQDORD1234567890AB',
		description: 'The unpaid virtual account to cancel; the order keeps its status',
		displayOptions: show(['cancelVirtualAccount']),
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { bankAccountId, ref } = await orderContext(this, itemIndex);
	const orderId = readOrderId(this, itemIndex, ref);
	const vaNumber = String(this.getNodeParameter('vaNumber', itemIndex, '') ?? '').trim();
	if (!/^[A-Za-z0-9]{4,40}$/.test(vaNumber))
		throw invalidInput(ref('VA Number'), 'a virtual account number (letters and digits)', vaNumber);
	await sepayApiRequest.call(this, 'apiToken', {
		method: 'DELETE',
		path: `/bank-accounts/${bankAccountId}/orders/${orderId}/va/${vaNumber}`,
		itemIndex,
	});
	return [{ json: { order_id: orderId, va_number: vaNumber, cancelled: true } }];
}
