import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { changeOrder } from './change';
import { voidRefusal } from './conditions';
import { invoiceNumberProperty } from './fields';

export const description: INodeProperties[] = [
	invoiceNumberProperty(
		['voidTransaction'],
		'Invoice number of a card-paid order, before its settlement cut-off (16:00 Vietnam time)',
	),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await changeOrder(this, itemIndex, '/order/voidTransaction', (order) =>
		voidRefusal(order, Date.now()),
	);
}
