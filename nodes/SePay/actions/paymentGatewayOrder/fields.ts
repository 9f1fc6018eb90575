import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';

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

export function readInvoiceNumber(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('invoiceNumber', itemIndex, '') ?? '').trim();
	if (!/^[A-Za-z0-9_-]{1,100}$/.test(value)) {
		throw invalidInput({ node: context.getNode(), itemIndex, field: 'Invoice Number' }, 'the order\'s invoice number: 1 to 100 letters, digits, _ or -', value);
	}
	return value;
}
