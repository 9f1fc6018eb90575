import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { einvoiceApiRequest, failureOf } from '../../transport';
import { buildInvoiceBody, referenceCodeFor } from './model/buildInvoice';
import { createDescription } from './create.description';
import { explainEInvoiceError } from './errors/einvoiceErrors';
import { existingInvoice } from './jobs/existingInvoice';
import { finishedInvoice } from './jobs/finishedInvoice';
import { waitForJob, waitOptionsOf } from './jobs/waitForJob';

export const description = createDescription;

function isDuplicate(error: unknown): boolean {
	const { status, code } = failureOf(error);
	return status === 409 && (code === undefined || code === 'EINVOICE_DOCUMENT_EXISTED');
}

/**
 * POST /v1/invoices/create with a reference code (the idempotency key), then — when waiting —
 * polls the create job and outputs the finished invoice. A 409 for that code can output the
 * invoice that already exists, so a retried workflow never creates a second one.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = buildInvoiceBody(this, itemIndex);
	const referenceCode = referenceCodeFor(this, itemIndex, body);
	body.reference_code = referenceCode;
	const wait = this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timing = waitOptionsOf(this, itemIndex);

	let response: IDataObject;
	try {
		response = await einvoiceApiRequest.call(this, {
			method: 'POST',
			path: '/invoices/create',
			body,
			itemIndex,
		});
	} catch (error) {
		if (isDuplicate(error) && options.returnExisting !== false) {
			const existing = await existingInvoice.call(
				this,
				referenceCode,
				itemIndex,
				wait ? timing : undefined,
			);
			return [
				{
					json: {
						...existing,
						reference_code: existing.reference_code ?? referenceCode,
						alreadyExisted: true,
					},
				},
			];
		}
		throw explainEInvoiceError(error, itemIndex);
	}

	const accepted = (response.data ?? {}) as IDataObject;
	const trackingCode = String(accepted.tracking_code ?? '');
	if (!wait || !trackingCode) {
		return [
			{
				json: {
					reference_code: referenceCode,
					...accepted,
					status: 'Pending',
					alreadyExisted: false,
				},
			},
		];
	}
	const job = await waitForJob.call(this, 'create', trackingCode, {
		...timing,
		itemIndex,
		referenceCode,
	});
	return [
		{ json: { ...finishedInvoice(job, trackingCode, referenceCode), alreadyExisted: false } },
	];
}
