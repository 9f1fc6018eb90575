import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { optionalAmount, orderContext, readOrderId, show, vaBody } from './fields';

export const description: INodeProperties[] = [
	{
		displayName: 'VA Fields',
		name: 'vaFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['addVirtualAccount']),
		options: [
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				default: 0,
				description:
					'Amount this VA accepts, in VND, not above the order amount (BIDV partial payments)',
			},
			{
				displayName: 'Duration (Seconds)',
				name: 'duration',
				type: 'number',
				default: 900,
				typeOptions: { minValue: 1 },
			},
			{
				displayName: 'VA Holder Name',
				name: 'vaHolderName',
				type: 'string',
				default: '',
				description: 'Required when the custom-name feature is on: upper-case A–Z, digits, spaces',
			},
		],
	},
];

/** Another VA for a Pending (or, BIDV, Partially paid) order. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { bankAccountId, ref } = await orderContext(this, itemIndex);
	const orderId = readOrderId(this, itemIndex, ref);
	const fields = this.getNodeParameter('vaFields', itemIndex, {}) as IDataObject;
	const body = vaBody(fields, ref, 'VA Fields → ');
	const amount = optionalAmount(fields.amount, ref('VA Fields → Amount'));
	if (amount !== undefined) body.amount = amount;
	const response = await sepayApiRequest.call(this, 'apiToken', {
		method: 'POST',
		path: `/bank-accounts/${bankAccountId}/orders/${orderId}/va`,
		body,
		itemIndex,
	});
	return [{ json: { order_id: orderId, ...((response.data ?? {}) as IDataObject) } }];
}
