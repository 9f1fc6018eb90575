import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { einvoiceApiRequestAllItems } from '../../transport';
import { returnAllAndLimit } from '../common.descriptions';

export const description: INodeProperties[] = [...returnAllAndLimit('providerAccount')];

/** GET /v1/provider-accounts: id, provider, active, tax_authority_approved_date. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const accounts = await einvoiceApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/provider-accounts', itemIndex },
		{ returnAll, limit, perPage: 100 },
	);
	return this.helpers.returnJsonArray(accounts);
}
