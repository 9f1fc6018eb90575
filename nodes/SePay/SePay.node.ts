import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	AUTHENTICATION_VALUES,
	authenticationProperty,
	einvoiceAuthenticationProperty,
	noCredentialAuthenticationProperty,
} from './actions/authentication';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { credentialShownFor } from './transport/credentialDisplay';
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';

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
			'Read SePay bank accounts and transactions, manage SePay webhooks, make VietQR payment codes and issue Vietnamese e-invoices',
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
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Bank Account', value: 'bankAccount' },
					{ name: 'Company', value: 'company' },
					// "E-Invoice": n8n's actions panel heads each group "<resource> actions" in capitals,
					// and "EINVOICE ACTIONS" read as one word (issue 12).
					{ name: 'E-Invoice', value: 'invoice' },
					{ name: 'E-Invoice Provider Account', value: 'providerAccount' },
					{ name: 'E-Invoice Token', value: 'einvoiceToken' },
					{ name: 'E-Invoice Usage', value: 'einvoiceUsage' },
					{ name: 'Payment QR', value: 'paymentQr' },
					{ name: 'Profile', value: 'profile' },
					{ name: 'Transaction', value: 'transaction' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'transaction',
			},
			authenticationProperty,
			einvoiceAuthenticationProperty,
			noCredentialAuthenticationProperty,
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
