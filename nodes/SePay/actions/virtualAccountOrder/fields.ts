import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldRef } from '../../helpers/invalidInput';
import { invalidInput } from '../../helpers/invalidInput';
import { sepayId, wholeVnd } from '../../helpers/inputValues';
import { getAuthentication } from '../authentication';
import { bankAccountLocator, resolveBankAccountId } from '../bankAccountLocator';

export const RESOURCE = 'virtualAccountOrder';

export function show(operations: string[]) {
	return { show: { resource: [RESOURCE], operation: operations } };
}

export const ALL_OPERATIONS = [
	'create',
	'get',
	'getAll',
	'cancel',
	'addVirtualAccount',
	'cancelVirtualAccount',
];
const ONE_ORDER = ['get', 'cancel', 'addVirtualAccount', 'cancelVirtualAccount'];

export const commonProperties: INodeProperties[] = [
	{
		displayName: 'Per-order virtual accounts need Authentication: API Token (SePay API v2).',
		name: 'virtualAccountOrderNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: [RESOURCE], authentication: ['oAuth2'] } },
	},
	bankAccountLocator({
		description: 'The BIDV, Sacombank or Vietcombank account the order belongs to',
		displayOptions: show(ALL_OPERATIONS),
	}),
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. b2c3d4e5-f6a7-8901-bcde-f12345678902',
		description: "SePay's ID of the order: the UUID that Create returns as ID",
		displayOptions: show(ONE_ORDER),
	},
];

export interface OrderContext {
	bankAccountId: string;
	ref: (field: string) => FieldRef;
}

/** API token only; the bank account as API v2 knows it. */
export async function orderContext(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<OrderContext> {
	const node = context.getNode();
	const ref = (field: string): FieldRef => ({ node, itemIndex, field });
	if (getAuthentication(context, itemIndex) !== 'apiToken') {
		throw new NodeOperationError(node, 'Virtual Account Order needs API Token authentication', {
			itemIndex,
			description:
				'Per-order virtual accounts exist only in SePay API v2. Set Authentication to API Token and choose a SePay API credential.',
		});
	}
	const bankAccountId = await resolveBankAccountId(
		context,
		'apiToken',
		context.getNodeParameter('bankAccount', itemIndex),
		ref('Bank Account'),
	);
	return { bankAccountId, ref };
}

export function readOrderId(
	context: IExecuteFunctions,
	itemIndex: number,
	ref: (field: string) => FieldRef,
): string {
	return sepayId('apiToken', context.getNodeParameter('orderId', itemIndex, ''), ref('Order ID'));
}

/** The fields VA creation shares (order and extra VA): amount, duration, holder name. */
export function vaBody(
	extra: IDataObject,
	ref: (field: string) => FieldRef,
	prefix: string,
): IDataObject {
	const body: IDataObject = {};
	if (extra.duration !== undefined && extra.duration !== '' && extra.duration !== null) {
		const duration = Number(extra.duration);
		if (!Number.isInteger(duration) || duration <= 0)
			throw invalidInput(
				ref(`${prefix}Duration (Seconds)`),
				'a whole number of seconds greater than 0',
				extra.duration,
			);
		body.duration = duration;
	}
	const holder = String(extra.vaHolderName ?? '').trim();
	if (holder) {
		if (!/^[A-Z0-9 ]{1,70}$/.test(holder))
			throw invalidInput(
				ref(`${prefix}VA Holder Name`),
				'upper-case letters A–Z, digits and spaces (no diacritics)',
				holder,
			);
		body.va_holder_name = holder;
	}
	return body;
}

export function optionalAmount(raw: unknown, ref: FieldRef): number | undefined {
	if (raw === undefined || raw === null || raw === '' || raw === 0) return undefined;
	const amount = wholeVnd(raw, ref, { positive: true });
	if (amount >= 1e12) throw invalidInput(ref, 'at most 12 digits', raw);
	return amount;
}
