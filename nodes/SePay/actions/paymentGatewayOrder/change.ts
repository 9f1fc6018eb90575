import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { failureOf, paymentGatewayApiRequest } from '../../transport';
import { getOrderDetail } from './detail';
import { readInvoiceNumber } from './fields';

/**
 * Cancel or void: POSTs `{ order_invoice_number }`. When SePay refuses (4xx), the order is read to
 * say which of SePay's documented conditions failed; SePay's own words stay in the description.
 */
export async function changeOrder(
	context: IExecuteFunctions,
	itemIndex: number,
	path: '/order/cancel' | '/order/voidTransaction',
	explain: (order: IDataObject) => string | undefined,
): Promise<INodeExecutionData[]> {
	const invoiceNumber = readInvoiceNumber(context, itemIndex);
	let body: IDataObject;
	try {
		body = await paymentGatewayApiRequest.call(context, {
			method: 'POST',
			path,
			body: { order_invoice_number: invoiceNumber },
			itemIndex,
		});
	} catch (error) {
		// The transport's NodeApiError comes back unchanged from this constructor.
		const refused = new NodeApiError(context.getNode(), error as JsonObject);
		const status = failureOf(error).status ?? 0;
		if (!(status >= 400 && status < 500 && ![401, 404, 429].includes(status))) throw refused;
		const order = await getOrderDetail(context, invoiceNumber, itemIndex).catch(() => undefined);
		const reason = order && explain(order);
		if (!reason) throw refused;
		throw new NodeOperationError(context.getNode(), reason, {
			itemIndex,
			description: refused.description ?? refused.message,
		});
	}
	return [{ json: { invoiceNumber, success: true, message: body.message ?? null } }];
}
