import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';
import { sepayApiRequest } from '../../transport';
import { optionalAmount, orderContext, show, vaBody } from './fields';

const create = show(['create']);
const bankIs = (bank: string) => ({ show: { ...create.show, bank: [bank] } });

export const description: INodeProperties[] = [
	{
		displayName: 'Bank',
		name: 'bank',
		type: 'options',
		options: [
			{
				name: 'BIDV',
				value: 'bidv',
				description: 'Enterprise accounts; amount optional, partial payments allowed',
			},
			{
				name: 'Sacombank',
				value: 'sacombank',
				description: 'Needs a VA prefix and an exact amount',
			},
			{
				name: 'Vietcombank',
				value: 'vietcombank',
				description: 'Needs a terminal and an exact amount; order code up to 15 characters',
			},
		],
		default: 'bidv',
		description: 'The bank of the chosen account: it decides which fields SePay requires',
		displayOptions: create,
	},
	{
		displayName: 'Terminal Name or ID',
		name: 'tid',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getVaTerminals',
			loadOptionsDependsOn: ['bankAccount.value'],
		},
		required: true,
		default: '',
		description:
			'The Vietcombank terminal (its TID, not the SePay ID). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: bankIs('vietcombank'),
	},
	{
		displayName: 'VA Prefix Name or ID',
		name: 'vaPrefix',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getVaPrefixes',
			loadOptionsDependsOn: ['bankAccount.value'],
		},
		required: true,
		default: '',
		description:
			'An active Sacombank VA prefix (my.sepay.vn → Bank Accounts → VA Order Prefixes). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: bankIs('sacombank'),
	},
	{
		displayName: 'Amount',
		name: 'vaOrderAmount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'Amount in VND, a whole number; required for Sacombank and Vietcombank, optional for BIDV (0 = any amount)',
		displayOptions: create,
	},
	{
		displayName: 'Additional Fields',
		name: 'vaOrderFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: create,
		options: [
			{
				displayName: 'Duration (Seconds)',
				name: 'duration',
				type: 'number',
				default: 900,
				typeOptions: { minValue: 1 },
				description: 'How long the virtual account accepts payment',
			},
			{
				displayName: 'Order Code',
				name: 'orderCode',
				type: 'string',
				default: '',
				description:
					'Your order code, 6–50 letters or digits (Vietcombank: up to 15); SePay makes one when empty. Bank transactions paying this order carry it as their payment code.',
			},
			{
				displayName: 'QR Code',
				name: 'withQrCode',
				type: 'boolean',
				default: true,
				description: 'Whether SePay returns a VietQR image (data URL and link) for the order',
			},
			{
				displayName: 'QR Template',
				name: 'qrTemplate',
				type: 'options',
				options: [
					{ name: 'Compact', value: 'compact' },
					{ name: 'QR Only', value: 'qronly' },
				],
				default: 'compact',
			},
			{
				displayName: 'VA Holder Name',
				name: 'vaHolderName',
				type: 'string',
				default: '',
				description:
					'BIDV enterprise accounts with the custom-name feature only: upper-case A–Z, digits, spaces',
			},
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { bankAccountId, ref } = await orderContext(this, itemIndex);
	const bank = String(this.getNodeParameter('bank', itemIndex, 'bidv'));
	const extra = this.getNodeParameter('vaOrderFields', itemIndex, {}) as IDataObject;
	const amount = optionalAmount(
		this.getNodeParameter('vaOrderAmount', itemIndex, 0),
		ref('Amount'),
	);
	const body: IDataObject = vaBody(extra, ref, 'Additional Fields → ');
	if (bank !== 'bidv' && body.va_holder_name)
		throw invalidInput(
			ref('Additional Fields → VA Holder Name'),
			'empty: only BIDV accounts take a holder name',
			body.va_holder_name,
		);
	if (bank !== 'bidv' && amount === undefined)
		throw invalidInput(
			ref('Amount'),
			`a whole number of VND greater than 0 (${bank === 'sacombank' ? 'Sacombank' : 'Vietcombank'} needs the exact amount)`,
			0,
		);
	if (bank === 'vietcombank') {
		const tid = String(this.getNodeParameter('tid', itemIndex, '') ?? '').trim();
		if (!/^\d{4,20}$/.test(tid))
			throw invalidInput(
				ref('Terminal Name or ID'),
				"the Vietcombank terminal's TID (digits, e.g. 20933557), not its SePay ID",
				tid,
			);
		body.tid = tid;
	}
	if (bank === 'sacombank') {
		const prefix = String(this.getNodeParameter('vaPrefix', itemIndex, '') ?? '').trim();
		if (!/^[A-Za-z0-9]{3,17}$/.test(prefix))
			throw invalidInput(
				ref('VA Prefix Name or ID'),
				'an active Sacombank VA prefix such as SEP200001WEB',
				prefix,
			);
		body.va_prefix = prefix;
	}
	const orderCode = String(extra.orderCode ?? '').trim();
	if (orderCode) {
		const max = bank === 'vietcombank' ? 15 : 50;
		if (!new RegExp(`^[A-Za-z0-9]{6,${max}}$`).test(orderCode))
			throw invalidInput(
				ref('Additional Fields → Order Code'),
				`6 to ${max} letters or digits`,
				orderCode,
			);
		body.order_code = orderCode;
	}
	if (amount !== undefined) body.amount = amount;
	if (extra.withQrCode !== false) {
		body.with_qrcode = '1';
		if (extra.qrTemplate) body.qrcode_template = extra.qrTemplate;
	}
	const response = await sepayApiRequest.call(this, 'apiToken', {
		method: 'POST',
		path: `/bank-accounts/${bankAccountId}/orders`,
		body,
		itemIndex,
	});
	return [{ json: (response.data ?? {}) as IDataObject }];
}
