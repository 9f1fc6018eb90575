import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, BANKING_RESOURCES, EINVOICE_RESOURCES } from './actions/authentication';
import { registeredResourceDescriptions } from './actions/resources';
import { resourceOptions } from './actions/registry';
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
				options: resourceOptions,
				default: 'transaction',
			},
			authenticationProperty,
			paymentGatewayAuthenticationProperty,
			...registeredResourceDescriptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
