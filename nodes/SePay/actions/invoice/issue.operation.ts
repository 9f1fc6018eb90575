import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { einvoiceApiRequest, failureOf } from '../../transport';
import { explainEInvoiceError } from './errors/einvoiceErrors';
import { getInvoice } from './jobs/existingInvoice';
import { pollOptions, referenceCodeProperty, waitProperties } from './fields';
import { finishedInvoice } from './jobs/finishedInvoice';
import { requiredCode } from './model/requiredCode';
import { waitForJob, waitOptionsOf } from './jobs/waitForJob';

export const description: INodeProperties[] = [
	referenceCodeProperty(
		['issue'],
		'Reference code of the draft to issue (from Create or Get Many)',
	),
	...waitProperties('issue'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: pollOptions,
		displayOptions: { show: { resource: ['invoice'], operation: ['issue'] } },
	},
];

/**
 * POST /v1/invoices/issue {reference_code}: signs a draft and sends it to the tax authority (uses
 * quota), then — when waiting — polls the issue job. An invoice already issued is output as it is.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const referenceCode = requiredCode(this, 'referenceCode', itemIndex);
	let response: IDataObject;
	try {
		response = await einvoiceApiRequest.call(this, {
			method: 'POST',
			path: '/invoices/issue',
			body: { reference_code: referenceCode },
			itemIndex,
		});
	} catch (error) {
		// A retried workflow may issue a draft that an earlier run already issued: SePay answers 400
		// ("only drafts can be issued"). That invoice is what the user wants, so output it.
		if (failureOf(error).status === 400) {
			const invoice = await getInvoice.call(this, referenceCode, itemIndex).catch(() => undefined);
			if (invoice && String(invoice.status).toLowerCase() === 'issued') {
				return [{ json: { ...invoice, alreadyIssued: true } }];
			}
		}
		throw explainEInvoiceError(error, itemIndex);
	}
	const accepted = (response.data ?? {}) as IDataObject;
	const trackingCode = String(accepted.tracking_code ?? '');
	const wait = this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	if (!wait || !trackingCode) {
		return [
			{
				json: {
					reference_code: referenceCode,
					...accepted,
					status: 'Pending',
					alreadyIssued: false,
				},
			},
		];
	}
	const job = await waitForJob.call(this, 'issue', trackingCode, {
		...waitOptionsOf(this, itemIndex),
		itemIndex,
		referenceCode,
	});
	return [{ json: { ...finishedInvoice(job, trackingCode, referenceCode), alreadyIssued: false } }];
}
