import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { failureOf, paymentGatewayApiRequest } from '../../transport';

/**
 * One order with its transactions. UNCONFIRMED (U9b): the docs put SePay's order ID in the detail
 * path, both SDKs the invoice number. We ask with what the user gave; on a 404 we look it up in
 * the list (q=…) and ask again with the other identifier.
 */
export async function getOrderDetail(
	context: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	const detail = async (key: string) =>
		((
			await paymentGatewayApiRequest.call(context, {
				method: 'GET',
				path: `/order/detail/${encodeURIComponent(key)}`,
				itemIndex,
			})
		).data ?? {}) as IDataObject;
	try {
		return await detail(id);
	} catch (error) {
		// The transport's NodeApiError comes back unchanged from this constructor.
		if (failureOf(error).status !== 404)
			throw new NodeApiError(context.getNode(), error as JsonObject);
		const list = await paymentGatewayApiRequest.call(context, {
			method: 'GET',
			path: '/order',
			qs: { q: id, per_page: 100 },
			itemIndex,
		});
		const match = ((list.data ?? []) as IDataObject[]).find(
			(order) => order.order_invoice_number === id || order.order_id === id,
		);
		if (!match) throw new NodeApiError(context.getNode(), error as JsonObject);
		const other = String(
			match.order_invoice_number === id ? match.order_id : match.order_invoice_number,
		);
		return await detail(other);
	}
}
