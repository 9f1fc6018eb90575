import { NodeApiError, NodeOperationError, sleepWithAbort } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { einvoiceApiRequest, failureOf } from '../../../transport';

/** GET /v1/invoices/{reference_code} → the invoice detail. */
export async function getInvoice(
	this: IExecuteFunctions,
	referenceCode: string,
	itemIndex: number,
): Promise<IDataObject> {
	const body = await einvoiceApiRequest.call(this, {
		method: 'GET',
		path: `/invoices/${encodeURIComponent(referenceCode)}`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

/**
 * The invoice SePay already holds for a reference code it refused as a duplicate (409). The
 * earlier create job may still be running, so a 404 is polled while waiting is allowed.
 */
export async function existingInvoice(
	this: IExecuteFunctions,
	referenceCode: string,
	itemIndex: number,
	wait: { intervalMs: number; timeoutMs: number } | undefined,
): Promise<IDataObject> {
	const started = Date.now();
	for (;;) {
		try {
			return await getInvoice.call(this, referenceCode, itemIndex);
		} catch (error) {
			// The transport's NodeApiError comes back unchanged from this constructor.
			if (failureOf(error).status !== 404)
				throw new NodeApiError(this.getNode(), error as JsonObject);
			const waited = Date.now() - started;
			if (!wait || waited >= wait.timeoutMs) {
				throw new NodeOperationError(
					this.getNode(),
					`An invoice with reference code ${referenceCode} is already being created`,
					{
						itemIndex,
						description:
							'SePay refused the duplicate (409) but does not show the invoice yet: an earlier run is probably still creating it. Fetch it later with Invoice → Get and this reference code.',
					},
				);
			}
			await sleepWithAbort(
				Math.min(wait.intervalMs, wait.timeoutMs - waited),
				this.getExecutionCancelSignal(),
			);
		}
	}
}
