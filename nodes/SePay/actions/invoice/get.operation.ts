import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getInvoice } from './jobs/existingInvoice';
import { referenceCodeProperty } from './fields';
import { requiredCode } from './model/requiredCode';

export const description: INodeProperties[] = [
	referenceCodeProperty(['get'], 'Reference code of the invoice'),
];

/** GET /v1/invoices/{reference_code}: the invoice with its lines, status and provider status. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const referenceCode = requiredCode(this, 'referenceCode', itemIndex);
	return [{ json: await getInvoice.call(this, referenceCode, itemIndex) }];
}
