import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { einvoiceApiRequest, einvoiceApiRequestAllItems, MAX_PAGES, readPage } from '../../transport';
import { returnAllAndLimit } from '../common.descriptions';
import { toItems } from '../items';

const PAGE_SIZE = 100;

export const description: INodeProperties[] = [
	...returnAllAndLimit('invoice'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				options: [
					{ name: 'API', value: 'api', description: 'Created through the API (this node)' },
					{ name: 'Manual', value: 'manual', description: 'Created in the SePay dashboard' },
				],
				default: 'api',
				description: 'Where the invoices were created (filtered by SePay)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Draft', value: 'draft' },
					{ name: 'Issued', value: 'issued' },
				],
				default: 'issued',
				description: 'Invoice status. SePay has no such filter, so the node reads page after page and keeps the matches.',
			},
		],
		displayOptions: { show: { resource: ['invoice'], operation: ['getAll'] } },
	},
];

/** Pages through GET /v1/invoices keeping only one status, until `wanted` matches or the last page. */
async function invoicesWithStatus(
	this: IExecuteFunctions,
	qs: IDataObject,
	status: string,
	wanted: number,
	itemIndex: number,
): Promise<IDataObject[]> {
	const matches: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES && matches.length < wanted; page++) {
		const body = await einvoiceApiRequest.call(this, {
			method: 'GET',
			path: '/invoices',
			qs: { ...qs, page, per_page: PAGE_SIZE },
			itemIndex,
		});
		const { records, hasMore } = readPage(body);
		for (const record of records) {
			if (String(record.status ?? '').toLowerCase() === status && matches.length < wanted) matches.push(record);
		}
		if (records.length === 0 || hasMore === false || (hasMore === undefined && records.length < PAGE_SIZE)) break;
	}
	return matches;
}

/** GET /v1/invoices: every invoice or up to Limit, newest first as SePay lists them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = filters.source ? { source: filters.source } : {};
	if (filters.status) {
		return toItems(await invoicesWithStatus.call(this, qs, String(filters.status), limit, itemIndex));
	}
	const invoices = await einvoiceApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/invoices', qs, itemIndex },
		{ returnAll, limit: returnAll ? undefined : limit, perPage: PAGE_SIZE },
	);
	return toItems(invoices);
}
