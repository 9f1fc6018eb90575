import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { parseWallTime } from '../../helpers/dates';
import type { FieldRef } from '../../helpers/invalidInput';
import { invalidInput } from '../../helpers/invalidInput';
import { paymentGatewayApiRequestAllItems } from '../../transport';
import { returnAllAndLimit } from '../common.descriptions';
import { RESOURCE } from './fields';

const show = { resource: [RESOURCE], operation: ['getAll'] };

export const ORDER_STATUSES = [
	{ name: 'Awaiting Payment', value: 'AUTHENTICATION_NOT_NEEDED' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Paid (Captured)', value: 'CAPTURED' },
];

export const description: INodeProperties[] = [
	...returnAllAndLimit(RESOURCE),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Created From',
				name: 'createdFrom',
				type: 'dateTime',
				default: '',
				description: 'Orders created on or after this day (Vietnam time)',
			},
			{
				displayName: 'Created On',
				name: 'createdOn',
				type: 'dateTime',
				default: '',
				description: 'Orders created on this day (Vietnam time)',
			},
			{
				displayName: 'Created To',
				name: 'createdTo',
				type: 'dateTime',
				default: '',
				description: 'Orders created on or before this day (Vietnam time)',
			},
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Keyword SePay searches for (e.g. an invoice number)',
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'desc',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ORDER_STATUSES,
				default: 'CAPTURED',
			},
		],
	},
];

function day(raw: unknown, ref: FieldRef): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	return parseWallTime(raw, ref).date;
}

/**
 * The query for GET /v1/order. UNCONFIRMED (U10): the docs name the end date `end_created_at` and
 * sort as `sort=created_at:desc`; both SDKs send `to_created_at` and `sort[created_at]=desc`. The
 * end date goes under both names (a server ignores the one it does not know); sort in the SDKs'
 * form, the one SePay's own code was fixed to.
 */
export function orderQuery(filters: IDataObject, ref: (field: string) => FieldRef): IDataObject {
	const qs: IDataObject = {};
	const search = String(filters.search ?? '').trim();
	if (search) qs.q = search;
	if (filters.status !== undefined && filters.status !== '') {
		if (!ORDER_STATUSES.some((s) => s.value === filters.status))
			throw invalidInput(
				ref('Filters → Status'),
				'CAPTURED, CANCELLED or AUTHENTICATION_NOT_NEEDED',
				filters.status,
			);
		qs.order_status = filters.status;
	}
	const customerId = String(filters.customerId ?? '').trim();
	if (customerId) qs.customer_id = customerId;
	const createdOn = day(filters.createdOn, ref('Filters → Created On'));
	if (createdOn) qs.created_at = createdOn;
	const from = day(filters.createdFrom, ref('Filters → Created From'));
	if (from) qs.from_created_at = from;
	const to = day(filters.createdTo, ref('Filters → Created To'));
	if (to) {
		if (from && to < from)
			throw invalidInput(
				ref('Filters → Created To'),
				`a day on or after Created From (${from})`,
				filters.createdTo,
			);
		qs.to_created_at = to;
		qs.end_created_at = to;
	}
	if (filters.sort !== undefined) {
		if (!['asc', 'desc'].includes(String(filters.sort)))
			throw invalidInput(ref('Filters → Sort'), 'asc or desc', filters.sort);
		qs['sort[created_at]'] = filters.sort;
	}
	return qs;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const qs = orderQuery(
		this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
		(field) => ({ node, itemIndex, field }),
	);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const orders = await paymentGatewayApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/order', qs, itemIndex },
		{ returnAll, limit },
	);
	return this.helpers.returnJsonArray(orders);
}
