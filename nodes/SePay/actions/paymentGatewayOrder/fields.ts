import type { INodeProperties } from 'n8n-workflow';

export { readInvoiceNumber } from '../checkout/invoiceNumber';

export const RESOURCE = 'paymentGatewayOrder';

/** The order identifier every single-order operation takes. */
export function invoiceNumberProperty(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. INV_20260101_001',
		description,
		displayOptions: { show: { resource: [RESOURCE], operation: operations } },
	};
}
