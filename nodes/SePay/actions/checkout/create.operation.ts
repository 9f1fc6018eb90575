import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { FieldRef } from '../../helpers/invalidInput';
import { invalidInput } from '../../helpers/invalidInput';
import { httpUrl, wholeVnd } from '../../helpers/inputValues';
import { invoiceNumberProperty, readInvoiceNumber } from './invoiceNumber';
import { checkoutUrl, paymentGatewayCredentials } from '../../transport';
import { checkoutPage } from './page';
import { checkoutSignature, orderedSignedFields } from './signature';

const show = { resource: ['checkout'], operation: ['create'] };

export const PAYMENT_METHODS = [
	{ name: 'Customer Chooses on SePay', value: '' },
	{ name: 'Bank Transfer (VietQR)', value: 'BANK_TRANSFER' },
	{ name: 'Card (Visa, Mastercard, JCB)', value: 'CARD' },
	{ name: 'NAPAS QR', value: 'NAPAS_BANK_TRANSFER' },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Order Amount',
		name: 'orderAmount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1 },
		description: 'Amount to pay in VND, a whole number greater than 0',
		displayOptions: { show },
	},
	invoiceNumberProperty(
		'checkout',
		['create'],
		'Your order number, unique per merchant: up to 100 letters, digits, _ or -. SePay identifies the order by it.',
	),
	{
		displayName: 'Description',
		name: 'orderDescription',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Thanh toán đơn hàng #12345',
		description: 'What the customer pays for, shown on the payment page',
		displayOptions: { show },
	},
	{
		displayName: 'Put Page in Binary Field',
		name: 'binaryPage',
		type: 'boolean',
		default: false,
		description:
			'Whether to also put the HTML page in a binary field (for Respond to Webhook → Binary File)',
		displayOptions: { show },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the HTML page in',
		displayOptions: { show: { ...show, binaryPage: [true] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Cancel URL',
				name: 'cancelUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.vn/payment/cancel',
				description: 'Where SePay sends the customer who cancels',
			},
			{
				displayName: 'Custom Data',
				name: 'customData',
				type: 'string',
				default: '',
				description:
					'Your own text posted with the form (not signed). Whether SePay echoes it in the IPN is not confirmed.',
			},
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				description: "Your customer's ID; SePay returns it in the IPN (customer.customer_id)",
			},
			{
				displayName: 'Error URL',
				name: 'errorUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.vn/payment/error',
				description: 'Where SePay sends the customer after a failed payment',
			},
			{
				displayName: 'Payment Method',
				name: 'paymentMethod',
				type: 'options',
				options: PAYMENT_METHODS,
				default: '',
				description:
					'Fix the method, or let the customer choose among those enabled for your merchant',
			},
			{
				displayName: 'Success URL',
				name: 'successUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.vn/payment/success',
				description:
					'Where SePay sends the customer after paying. Only a page to show: confirm the payment with the IPN trigger or Order → Get.',
			},
		],
	},
];

/** An optional URL field: empty stays empty (not posted). */
function optionalUrl(raw: unknown, ref: FieldRef): string {
	return String(raw ?? '').trim() === '' ? '' : httpUrl(raw, ref, 'a full http:// or https:// URL');
}

/**
 * SePay's checkout is a browser form POST, not an API call: this builds the signed field set, the
 * form target and a self-submitting page; nothing is sent to SePay until the customer's browser does.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const ref = (field: string): FieldRef => ({ node, itemIndex, field });
	const amount = wholeVnd(
		this.getNodeParameter('orderAmount', itemIndex, undefined),
		ref('Order Amount'),
		{ positive: true },
	);
	const invoiceNumber = readInvoiceNumber(this, itemIndex);
	const orderDescription = String(
		this.getNodeParameter('orderDescription', itemIndex, '') ?? '',
	).trim();
	if (orderDescription === '')
		throw invalidInput(
			ref('Description'),
			'a text describing the order (SePay requires it)',
			orderDescription,
		);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const paymentMethod = String(extra.paymentMethod ?? '');
	if (!PAYMENT_METHODS.some((method) => method.value === paymentMethod)) {
		throw invalidInput(
			ref('Additional Fields → Payment Method'),
			'BANK_TRANSFER, CARD, NAPAS_BANK_TRANSFER or empty',
			paymentMethod,
		);
	}
	const successUrl = optionalUrl(extra.successUrl, ref('Additional Fields → Success URL'));
	const errorUrl = optionalUrl(extra.errorUrl, ref('Additional Fields → Error URL'));
	const cancelUrl = optionalUrl(extra.cancelUrl, ref('Additional Fields → Cancel URL'));
	const customData = String(extra.customData ?? '');

	const credentials = await paymentGatewayCredentials(this);
	const signed = orderedSignedFields({
		order_amount: amount,
		merchant: String(credentials.merchantId ?? '').trim(),
		currency: 'VND',
		operation: 'PURCHASE',
		order_description: orderDescription,
		order_invoice_number: invoiceNumber,
		customer_id: String(extra.customerId ?? '').trim(),
		payment_method: paymentMethod,
		success_url: successUrl,
		error_url: errorUrl,
		cancel_url: cancelUrl,
	});
	const signature = checkoutSignature(signed, String(credentials.secretKey ?? ''));
	// Unsigned extras go after the signed fields, the signature last, as in SePay's samples.
	const posted: Array<[string, string]> = [
		...signed,
		...(customData ? [['custom_data', customData] as [string, string]] : []),
		['signature', signature],
	];
	const action = checkoutUrl(credentials);
	const html = checkoutPage(action, posted);
	const json: IDataObject = {
		checkoutUrl: action,
		method: 'POST',
		invoiceNumber,
		amount,
		fields: Object.fromEntries(posted),
		fieldOrder: posted.map(([name]) => name),
		html,
	};
	if (!(this.getNodeParameter('binaryPage', itemIndex, false) as boolean)) return [{ json }];
	const binaryPropertyName =
		String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const binary = await this.helpers.prepareBinaryData(
		Buffer.from(html, 'utf8'),
		`checkout-${invoiceNumber}.html`,
		'text/html',
	);
	return [{ json, binary: { [binaryPropertyName]: binary } }];
}
