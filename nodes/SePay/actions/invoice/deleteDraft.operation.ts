import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { einvoiceApiRequest } from '../../transport';
import { referenceCodeProperty } from './fields';
import { requiredCode } from './model/requiredCode';

export const description: INodeProperties[] = [
	referenceCodeProperty(
		['deleteDraft'],
		'Reference code of the draft to delete; issued invoices cannot be deleted',
	),
];

/** POST /v1/invoices/delete/{reference_code} (SePay uses POST here): removes a draft for good. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const referenceCode = requiredCode(this, 'referenceCode', itemIndex);
	const body = await einvoiceApiRequest.call(this, {
		method: 'POST',
		path: `/invoices/delete/${encodeURIComponent(referenceCode)}`,
		itemIndex,
	});
	const data = (body.data ?? {}) as IDataObject;
	return [
		{
			json: {
				deleted: true,
				reference_code: data.reference_code ?? referenceCode,
				message: data.message,
			},
		},
	];
}
