import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { trackingCodeProperty } from './fields';
import { requiredCode } from './model/requiredCode';
import { checkJob } from './jobs/waitForJob';

export const description: INodeProperties[] = [
	trackingCodeProperty(['getCreationStatus'], 'Tracking code returned by Create'),
];

/** GET /v1/invoices/create/check/{tracking_code}: Pending, Success (with the invoice) or Failed (with the reason). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const trackingCode = requiredCode(this, 'trackingCode', itemIndex);
	const data = await checkJob.call(this, 'create', trackingCode, itemIndex);
	return [{ json: { tracking_code: trackingCode, ...data } }];
}
