import type { IDataObject } from 'n8n-workflow';

/**
 * The output of a finished create or issue job: SePay's invoice summary with the codes needed
 * next (reference_code for Get / Issue / Delete Draft, tracking_code for Download).
 */
export function finishedInvoice(
	job: IDataObject,
	trackingCode: string,
	referenceCode?: string,
): IDataObject {
	const invoice = (
		job.invoice && typeof job.invoice === 'object' ? job.invoice : {}
	) as IDataObject;
	return {
		...invoice,
		reference_code: invoice.reference_code ?? job.reference_code ?? referenceCode,
		tracking_code: trackingCode,
		job_status: job.status,
		job_message: job.message,
	};
}
