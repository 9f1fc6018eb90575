import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { changeOrder } from './change';
import { cancelRefusal } from './conditions';
import { invoiceNumberProperty } from './fields';

export const description: INodeProperties[] = [
	invoiceNumberProperty(['cancel'], 'Invoice number of an unpaid bank-transfer or NAPAS QR order'),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await changeOrder(this, itemIndex, '/order/cancel', cancelRefusal);
}
