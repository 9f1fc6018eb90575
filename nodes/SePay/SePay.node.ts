import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import {
	AUTHENTICATION_VALUES,
	authenticationProperty,
	einvoiceAuthenticationProperty,
	noCredentialAuthenticationProperty,
} from './actions/authentication';
import { registeredResourceDescriptions } from './actions/resources';
import { resourceOptions } from './actions/registry';
import { router } from './actions/router';
import { credentialShownFor } from './transport/credentialDisplay';
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
				displayOptions: credentialShownFor(['apiToken'], AUTHENTICATION_VALUES),
			},
			{
				name: 'sePayOAuth2Api',
				required: true,
				displayOptions: credentialShownFor(['oAuth2'], AUTHENTICATION_VALUES),
			},
			{
				name: 'sePayEInvoiceApi',
				required: true,
				displayOptions: credentialShownFor(['eInvoiceApi'], AUTHENTICATION_VALUES),
			},
			{
				name: 'sePayPaymentGatewayApi',
				required: true,
				displayOptions: credentialShownFor(['paymentGatewayApi'], AUTHENTICATION_VALUES),
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
			einvoiceAuthenticationProperty,
			paymentGatewayAuthenticationProperty,
			noCredentialAuthenticationProperty,
			...registeredResourceDescriptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
