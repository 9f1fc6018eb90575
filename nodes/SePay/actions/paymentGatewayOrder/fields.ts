import type { INodeProperties } from 'n8n-workflow';

import { invoiceNumberProperty as forResource } from '../checkout/invoiceNumber';

export { readInvoiceNumber } from '../checkout/invoiceNumber';

export const RESOURCE = 'paymentGatewayOrder';

/** The order identifier every single-order operation takes. */
export function invoiceNumberProperty(operations: string[], description: string): INodeProperties {
	return forResource(RESOURCE, operations, description);
}
