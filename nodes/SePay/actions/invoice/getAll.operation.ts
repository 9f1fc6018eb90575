import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { einvoiceApiRequestAllItems } from '../../transport';
import { returnAllAndLimit } from '../common.descriptions';

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
				description:
					'Invoice status. SePay has no such filter, so the node reads page after page and keeps the matches.',
			},
		],
		displayOptions: { show: { resource: ['invoice'], operation: ['getAll'] } },
	},
];

/** GET /v1/invoices: every invoice or up to Limit, newest first as SePay lists them. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = filters.source ? { source: filters.source } : {};
	// SePay has no status filter: read page after page and keep the matches.
	const status = filters.status ? String(filters.status) : undefined;
	const keep = status
		? (invoice: IDataObject) => String(invoice.status ?? '').toLowerCase() === status
		: undefined;
	const invoices = await einvoiceApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/invoices', qs, itemIndex },
		{ returnAll, limit: returnAll ? undefined : limit, perPage: PAGE_SIZE, keep },
	);
	return this.helpers.returnJsonArray(invoices);
}
