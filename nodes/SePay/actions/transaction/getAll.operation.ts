import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { simplifyTransaction } from '../../transactions/simplify';
import { sepayApiRequestAllItems } from '../../transport';
import { getAuthentication } from '../authentication';
import { returnAllAndLimit, simplifyProperty } from '../common.descriptions';
import { invalidInput } from '../../helpers/invalidInput';
import { sortProperty, transactionFilters } from './filters.description';
import { transactionQuery } from './query';

export const description: INodeProperties[] = [
	...returnAllAndLimit('transaction'),
	transactionFilters(['getAll']),
	sortProperty,
	simplifyProperty('transaction', ['getAll']),
];

const SORT = /^(transaction_date_sort|amount_in_sort|amount_out_sort):(asc|desc)$/;

/** GET /transactions with the filters, page by page; one item per transaction. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const authentication = getAuthentication(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const qs = await transactionQuery.call(this, authentication, filters, itemIndex);
	if (authentication === 'apiToken') {
		const sort = String(this.getNodeParameter('sort', itemIndex, 'transaction_date_sort:desc'));
		const match = SORT.exec(sort);
		if (!match)
			throw invalidInput(
				{ node: this.getNode(), itemIndex, field: 'Sort' },
				'one of the listed sort orders',
				sort,
			);
		qs[match[1]] = match[2];
	}
	const records = await sepayApiRequestAllItems.call(
		this,
		authentication,
		{ method: 'GET', path: '/transactions', qs, itemIndex },
		{ returnAll, limit },
	);
	return this.helpers.returnJsonArray(simplify ? records.map(simplifyTransaction) : records);
}
