import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../../transport';
import { getAuthentication } from '../authentication';
import { bankAccountLocator, resolveBankAccountId } from '../bankAccountLocator';
import { returnAllAndLimit } from '../common.descriptions';

const show = { resource: ['bankAccount'], operation: ['getVirtualAccounts'] };

export const description: INodeProperties[] = [
	bankAccountLocator({
		description: 'The bank account whose virtual accounts to list',
		displayOptions: { show },
	}),
	...returnAllAndLimit('bankAccount', 'getVirtualAccounts'),
	{
		displayName:
			"SePay's OAuth2 API lists sub-accounts without filters; switch Authentication to API Token to filter",
		name: 'bankAccountVirtualAccountsOAuth2Notice',
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
				displayName: 'Kind',
				name: 'official',
				type: 'options',
				default: '1',
				options: [
					{ name: 'Official VA (Issued by the Bank)', value: '1' },
					{ name: 'Memo VA (Matched in the Transfer Content)', value: '0' },
				],
				description: 'Only official virtual accounts or only memo-based ones',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Text found in the VA number, label or holder name',
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				default: 'desc',
				options: [
					{ name: 'Created, Newest First', value: 'desc' },
					{ name: 'Created, Oldest First', value: 'asc' },
				],
			},
			{
				displayName: 'Static',
				name: 'static',
				type: 'options',
				default: '1',
				options: [
					{ name: 'Static Only', value: '1' },
					{ name: 'Not Static Only', value: '0' },
				],
				description: 'Only static (reusable) virtual accounts, or only the others',
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
				description: 'Only active or only inactive virtual accounts',
			},
		],
	},
];

/**
 * Virtual accounts (VAs, "sub-accounts") of one bank account:
 * API v2 GET /bank-accounts/{uuid}/va, OAuth2 API GET /bank-accounts/{id}/sub-accounts.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const authentication = getAuthentication(this, itemIndex);
	const id = await resolveBankAccountId(
		this,
		authentication,
		this.getNodeParameter('bankAccount', itemIndex),
		{
			node: this.getNode(),
			itemIndex,
			field: 'Bank Account',
		},
	);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (authentication === 'apiToken') {
		if (filters.search) qs.q = String(filters.search).trim();
		for (const key of ['active', 'official', 'static'] as const) {
			if (filters[key] !== undefined && filters[key] !== '') qs[key] = String(filters[key]);
		}
		if (filters.sort) qs.created_at_sort = String(filters.sort);
	}
	const path = `/bank-accounts/${encodeURIComponent(id)}/${authentication === 'apiToken' ? 'va' : 'sub-accounts'}`;
	const records = await sepayApiRequestAllItems.call(
		this,
		authentication,
		{ method: 'GET', path, qs, itemIndex },
		{ returnAll, limit },
	);
	return this.helpers.returnJsonArray(records);
}
