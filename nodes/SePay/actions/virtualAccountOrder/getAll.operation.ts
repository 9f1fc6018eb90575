import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';
import { sepayApiRequestAllItems } from '../../transport';
import { returnAllAndLimit } from '../common.descriptions';
import { orderContext, RESOURCE, show } from './fields';

export const description: INodeProperties[] = [
	...returnAllAndLimit(RESOURCE),
	{
		displayName: 'Sort',
		name: 'vaOrderSort',
		type: 'options',
		options: [
			{ name: 'Amount, Highest First', value: 'amount_sort:desc' },
			{ name: 'Amount, Lowest First', value: 'amount_sort:asc' },
			{ name: 'Newest First', value: 'created_at_sort:desc' },
			{ name: 'Oldest First', value: 'created_at_sort:asc' },
		],
		default: 'created_at_sort:desc',
		displayOptions: show(['getAll']),
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { bankAccountId, ref } = await orderContext(this, itemIndex);
	const sort = String(this.getNodeParameter('vaOrderSort', itemIndex, 'created_at_sort:desc'));
	const [key, direction] = sort.split(':');
	if (!['amount_sort', 'created_at_sort'].includes(key) || !['asc', 'desc'].includes(direction))
		throw invalidInput(ref('Sort'), 'one of the listed sort orders', sort);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const qs: IDataObject = { [key]: direction };
	const orders = await sepayApiRequestAllItems.call(
		this,
		'apiToken',
		{ method: 'GET', path: `/bank-accounts/${bankAccountId}/orders`, qs, itemIndex },
		{ returnAll, limit },
	);
	return this.helpers.returnJsonArray(orders);
}
