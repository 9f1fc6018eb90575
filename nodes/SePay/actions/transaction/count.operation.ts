import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequestPages } from '../../transport';
import { getAuthentication } from '../authentication';
import { transactionFilters } from './filters.description';
import { transactionQuery } from './query';

export const description: INodeProperties[] = [transactionFilters(['count'])];

/**
 * How many transactions match the filters. Neither API has a count endpoint (API v2 removed
 * v1's /count), so this reads one page of one record and takes the total SePay reports with it.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const authentication = getAuthentication(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = await transactionQuery.call(this, authentication, filters, itemIndex);
	const { total: count } = await sepayApiRequestPages.call(
		this,
		authentication,
		{ method: 'GET', path: '/transactions', qs, itemIndex },
		{ returnAll: false, limit: 1, maxPages: 1 },
	);
	if (count === undefined) {
		// UNCONFIRMED that the OAuth2 API reports a total; say so rather than guess from one page.
		throw new NodeOperationError(
			this.getNode(),
			'SePay did not report how many transactions match',
			{
				description:
					'The response had no meta.pagination.total. Use Get Many with Return All and count the items instead.',
				itemIndex,
			},
		);
	}
	return this.helpers.returnJsonArray({ count });
}
