import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getOrderDetail } from './detail';
import { invoiceNumberProperty, readInvoiceNumber } from './fields';

export const description: INodeProperties[] = [
	invoiceNumberProperty(
		['get'],
		"The invoice number you gave at checkout (SePay's order ID such as SEPAY-68BA83CE637C1 works too)",
	),
];

/** The order with its transactions; order_status CAPTURED means paid. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const value = String(this.getNodeParameter('invoiceNumber', itemIndex, '') ?? '').trim();
	const id = /^SEPAY-/i.test(value) ? value : readInvoiceNumber(this, itemIndex);
	return [{ json: await getOrderDetail(this, id, itemIndex) }];
}
