import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, BANKING_RESOURCES, EINVOICE_RESOURCES } from './actions/authentication';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { paymentGatewayAuthenticationProperty } from './actions/paymentGatewayAuthentication';

/** The SePay action node: a router over one small file per resource operation (actions/). */
export class SePay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SePay',
		name: 'sePay',
		icon: { light: 'file:sepay.svg', dark: 'file:sepay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read SePay bank accounts and transactions, manage SePay webhooks, make VietQR payment codes, take payments (Payment Gateway checkout, per-order virtual accounts) and issue Vietnamese e-invoices',
		defaults: { name: 'SePay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sePayApi',
				required: true,
				displayOptions: { show: { authentication: ['apiToken'], resource: BANKING_RESOURCES } },
			},
			{
				name: 'sePayOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'], resource: BANKING_RESOURCES } },
			},
			{
				name: 'sePayEInvoiceApi',
				required: true,
				displayOptions: { show: { resource: EINVOICE_RESOURCES } },
			},
			{
				name: 'sePayPaymentGatewayApi',
				required: true,
				displayOptions: { show: { authentication: ['paymentGatewayApi'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Bank Account', value: 'bankAccount' },
					{ name: 'Checkout (Payment Gateway)', value: 'checkout' },
					{ name: 'Company', value: 'company' },
					{ name: 'eInvoice', value: 'invoice' },
					{ name: 'eInvoice Provider Account', value: 'providerAccount' },
					{ name: 'eInvoice Token', value: 'einvoiceToken' },
					{ name: 'eInvoice Usage', value: 'einvoiceUsage' },
					{ name: 'Order (Payment Gateway)', value: 'paymentGatewayOrder' },
					{ name: 'Payment QR', value: 'paymentQr' },
					{ name: 'Profile', value: 'profile' },
					{ name: 'Transaction', value: 'transaction' },
					{ name: 'Virtual Account Order', value: 'virtualAccountOrder' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'transaction',
			},
			authenticationProperty,
			paymentGatewayAuthenticationProperty,
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
