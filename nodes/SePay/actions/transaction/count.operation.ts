import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';

import { looseNumber } from '../../helpers/looseValues';
import { sepayApiRequest } from '../../transport';
import { getAuthentication } from '../authentication';
import { toItems } from '../items';
import { transactionFilters } from './filters.description';
import { transactionQuery } from './query';

export const description: INodeProperties[] = [transactionFilters(['count'])];

/**
 * How many transactions match the filters. Neither API has a count endpoint (API v2 removed
 * v1's /count), so this asks for one record per page and reads `meta.pagination.total`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const authentication = getAuthentication(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = await transactionQuery.call(this, authentication, filters, itemIndex);
	qs.page = 1;
	qs[authentication === 'apiToken' ? 'per_page' : 'limit'] = 1;
	const body = await sepayApiRequest.call(this, authentication, { method: 'GET', path: '/transactions', qs, itemIndex });
	const pagination = ((body.meta as IDataObject | undefined)?.pagination ?? {}) as IDataObject;
	const count = looseNumber(pagination.total);
	if (count === null) {
		// UNCONFIRMED that the OAuth2 API reports a total; say so rather than guess from one page.
		throw new NodeApiError(this.getNode(), body as JsonObject, {
			message: 'SePay did not report how many transactions match',
			description: 'The response had no meta.pagination.total. Use Get Many with Return All and count the items instead.',
			itemIndex,
		});
	}
	return toItems({ count });
}
