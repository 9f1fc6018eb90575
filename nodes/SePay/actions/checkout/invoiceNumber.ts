import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';

/** UNCONFIRMED (U8): SePay documents no server limit; this is the PHP SDK's client-side rule. */
const INVOICE_NUMBER = /^[A-Za-z0-9_-]{1,100}$/;

/** The Invoice Number parameter for some operations of a resource, with its own description. */
export function invoiceNumberProperty(
	resource: string,
	operations: string[],
	description: string,
): INodeProperties {
	return {
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. INV_20260101_001',
		description,
		displayOptions: { show: { resource: [resource], operation: operations } },
	};
}

/** The Invoice Number parameter's value (checkout and Payment Gateway orders), checked before any request. */
export function readInvoiceNumber(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('invoiceNumber', itemIndex, '') ?? '').trim();
	if (!INVOICE_NUMBER.test(value)) {
		throw invalidInput(
			{ node: context.getNode(), itemIndex, field: 'Invoice Number' },
			'1 to 100 letters, digits, _ or - (no spaces)',
			value,
		);
	}
	return value;
}
