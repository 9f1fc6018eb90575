import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { parseWallTime, toDateTime } from '../../helpers/dates';
import { wholeVnd } from '../../helpers/inputValues';
import { sepayApiRequestAllItems } from '../../transport';
import { getAuthentication } from '../authentication';
import { returnAllAndLimit } from '../common.descriptions';

const show = { resource: ['bankAccount'], operation: ['getAll'] };

const LABELS: Record<string, string> = {
	active: 'Status',
	balanceMax: 'Balance Max',
	balanceMin: 'Balance Min',
	bank: 'Bank',
	lastTransactionFrom: 'Last Transaction From',
	lastTransactionTo: 'Last Transaction To',
	search: 'Search',
	sort: 'Sort',
};

export const description: INodeProperties[] = [
	...returnAllAndLimit('bankAccount'),
	{
		displayName:
			"SePay's OAuth2 API lists bank accounts without filters; switch Authentication to API Token to filter",
		name: 'bankAccountGetAllOAuth2Notice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...show, authentication: ['oAuth2'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { ...show, authentication: ['apiToken'] } },
		options: [
			{
				displayName: 'Balance Max',
				name: 'balanceMax',
				type: 'number',
				default: 0,
				description: 'Only accounts whose balance is at most this many VND',
			},
			{
				displayName: 'Balance Min',
				name: 'balanceMin',
				type: 'number',
				default: 0,
				description: 'Only accounts whose balance is at least this many VND',
			},
			{
				displayName: 'Bank',
				name: 'bank',
				type: 'string',
				default: '',
				placeholder: 'e.g. Vietcombank',
				description:
					"Only accounts at this bank (SePay's short name, e.g. Vietcombank, ACB, MBBank)",
			},
			{
				displayName: 'Last Transaction From',
				name: 'lastTransactionFrom',
				type: 'dateTime',
				default: '',
				description: 'Only accounts with a last transaction at or after this time (Vietnam time)',
			},
			{
				displayName: 'Last Transaction To',
				name: 'lastTransactionTo',
				type: 'dateTime',
				default: '',
				description: 'Only accounts with a last transaction at or before this time (Vietnam time)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. 0071000888888',
				description: 'Text found in the account holder name, label or account number',
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				default: 'created_at_sort:desc',
				options: [
					{ name: 'Balance, Highest First', value: 'accumulated_sort:desc' },
					{ name: 'Balance, Lowest First', value: 'accumulated_sort:asc' },
					{ name: 'Created, Newest First', value: 'created_at_sort:desc' },
					{ name: 'Created, Oldest First', value: 'created_at_sort:asc' },
					{ name: 'Last Transaction, Newest First', value: 'last_transaction_sort:desc' },
					{ name: 'Last Transaction, Oldest First', value: 'last_transaction_sort:asc' },
				],
			},
			{
				displayName: 'Status',
				name: 'active',
				type: 'options',
				default: '1',
				options: [
					{ name: 'Active', value: '1' },
					{ name: 'Inactive', value: '0' },
				],
				description: 'Only active or only inactive accounts',
			},
		],
	},
];

/** API v2 query for the filters (GET /v2/bank-accounts). */
function v2Query(this: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const ref = (key: string) => ({
		node: this.getNode(),
		itemIndex,
		field: `Filters → ${LABELS[key]}`,
	});
	const qs: IDataObject = {};
	if (filters.search) qs.q = String(filters.search).trim();
	if (filters.bank) qs.bank_short_name = String(filters.bank).trim();
	if (filters.active !== undefined && filters.active !== '') qs.active = String(filters.active);
	if (filters.balanceMin !== undefined && filters.balanceMin !== '')
		qs.accumulated_min = wholeVnd(filters.balanceMin, ref('balanceMin'));
	if (filters.balanceMax !== undefined && filters.balanceMax !== '')
		qs.accumulated_max = wholeVnd(filters.balanceMax, ref('balanceMax'));
	if (filters.lastTransactionFrom) {
		qs.last_transaction_from = toDateTime(
			parseWallTime(filters.lastTransactionFrom, ref('lastTransactionFrom')),
			false,
		);
	}
	if (filters.lastTransactionTo) {
		qs.last_transaction_to = toDateTime(
			parseWallTime(filters.lastTransactionTo, ref('lastTransactionTo')),
			true,
		);
	}
	if (filters.sort) {
		const [key, direction] = String(filters.sort).split(':');
		qs[key] = direction;
	}
	return qs;
}

/** GET /bank-accounts, one item per account; API v2 filters on the server. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const authentication = getAuthentication(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = authentication === 'apiToken' ? v2Query.call(this, filters, itemIndex) : {};
	const accounts = await sepayApiRequestAllItems.call(
		this,
		authentication,
		{ method: 'GET', path: '/bank-accounts', qs, itemIndex },
		{ returnAll, limit },
	);
	return this.helpers.returnJsonArray(accounts);
}
