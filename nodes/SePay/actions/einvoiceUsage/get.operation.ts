import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { looseNumber } from '../../helpers/looseValues';
import { einvoiceApiRequest } from '../../transport';

export const description: INodeProperties[] = [];

/** GET /v1/usage: SePay sends quota_remaining as a string ("534"); the node outputs a number. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body = await einvoiceApiRequest.call(this, { method: 'GET', path: '/usage', itemIndex });
	const data = (body.data ?? {}) as IDataObject;
	return [{ json: { ...data, quota_remaining: looseNumber(data.quota_remaining) } }];
}
