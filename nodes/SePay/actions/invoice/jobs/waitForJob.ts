import { NodeOperationError, sleepWithAbort } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { einvoiceApiRequest } from '../../../transport';

export type JobKind = 'create' | 'issue';

const CHECK_OPERATION: Record<JobKind, string> = {
	create: 'Get Creation Status',
	issue: 'Get Issue Status',
};
const VERB: Record<JobKind, string> = { create: 'create', issue: 'issue' };

/** GET /v1/invoices/{create|issue}/check/{tracking_code} → its `data`. */
export async function checkJob(
	this: IExecuteFunctions,
	kind: JobKind,
	trackingCode: string,
	itemIndex: number,
): Promise<IDataObject> {
	const body = await einvoiceApiRequest.call(this, {
		method: 'GET',
		path: `/invoices/${kind}/check/${encodeURIComponent(trackingCode)}`,
		itemIndex,
	});
	return (body.data ?? {}) as IDataObject;
}

export function jobStatus(data: IDataObject): 'pending' | 'success' | 'failed' {
	const status = String(data.status ?? '').toLowerCase();
	return status === 'success' ? 'success' : status === 'failed' ? 'failed' : 'pending';
}

export interface WaitOptions {
	intervalMs: number;
	timeoutMs: number;
	itemIndex: number;
	referenceCode?: string;
}

/** Poll Interval and Timeout from the operation's Options, in milliseconds. */
export function waitOptionsOf(
	context: IExecuteFunctions,
	itemIndex: number,
): { intervalMs: number; timeoutMs: number } {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const interval = Number(options.pollInterval ?? 2);
	const timeout = Number(options.timeout ?? 60);
	return {
		intervalMs: Math.max(10, Number.isFinite(interval) ? interval * 1000 : 2000),
		timeoutMs: Math.max(0, Number.isFinite(timeout) ? timeout * 1000 : 60000),
	};
}

/**
 * Polls a create or issue job until SePay says Success (→ the check's data) or Failed (→ an error
 * with SePay's reason), sleeping between checks (cancellable with the execution), at most until
 * the timeout — then an error naming the tracking code so the user can look it up later.
 */
export async function waitForJob(
	this: IExecuteFunctions,
	kind: JobKind,
	trackingCode: string,
	options: WaitOptions,
): Promise<IDataObject> {
	const started = Date.now();
	const reference = options.referenceCode ? ` (reference code ${options.referenceCode})` : '';
	for (;;) {
		// A job is never done the moment it is accepted: wait first, then check.
		const remaining = options.timeoutMs - (Date.now() - started);
		await sleepWithAbort(
			Math.max(0, Math.min(options.intervalMs, remaining)),
			this.getExecutionCancelSignal(),
		);
		const data = await checkJob.call(this, kind, trackingCode, options.itemIndex);
		const status = jobStatus(data);
		if (status === 'success') return data;
		if (status === 'failed') {
			const reason = String(data.message ?? '').trim() || 'no reason given';
			throw new NodeOperationError(
				this.getNode(),
				`SePay could not ${VERB[kind]} the invoice: ${reason}`,
				{
					itemIndex: options.itemIndex,
					description:
						kind === 'create'
							? `Job ${trackingCode}${reference} ended Failed. Correct the data, then check with Invoice → Get that no invoice exists before creating it again.`
							: `Job ${trackingCode}${reference} ended Failed. Correct the cause and issue the draft again, or contact SePay.`,
				},
			);
		}
		if (Date.now() - started >= options.timeoutMs) {
			const seconds = Math.round(options.timeoutMs / 100) / 10;
			throw new NodeOperationError(
				this.getNode(),
				`SePay has not finished tracking code ${trackingCode} within ${seconds} s`,
				{
					itemIndex: options.itemIndex,
					description: `The job is still Pending${reference}. Check it later with Invoice → ${CHECK_OPERATION[kind]} and tracking code ${trackingCode}, or raise Options → Timeout.`,
				},
			);
		}
	}
}
