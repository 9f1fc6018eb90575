import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT, customServerProperties } from './shared/customServer';

/**
 * SePay Payment Gateway (Cổng thanh toán): the merchant ID and secret key from my.sepay.vn →
 * Payment Gateway → integration information. The same pair signs the checkout form, calls the
 * order API (Basic auth) and is what SePay sends back in an IPN's X-Secret-Key header.
 * Sandbox and production have different pairs.
 */
export class SePayPaymentGatewayApi implements ICredentialType {
	name = 'sePayPaymentGatewayApi';

	displayName = 'SePay Payment Gateway API';

	icon: Icon = {
		light: 'file:../nodes/SePay/sepay.svg',
		dark: 'file:../nodes/SePay/sepay.dark.svg',
	};

	documentationUrl =
		'https://www.npmjs.com/package/n8n-nodes-sepay#sepay-payment-gateway-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'Real payments: pgapi.sepay.vn and the pay.sepay.vn checkout',
				},
				{
					name: 'Sandbox',
					value: 'sandbox',
					description:
						'Test payments: pgapi-sandbox.sepay.vn and the pay-sandbox.sepay.vn checkout',
				},
				CUSTOM_ENVIRONMENT,
			],
			default: 'production',
		},
		...customServerProperties('/v1 (order API and checkout form)'),
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'SP-LIVE-XXXXXXX',
			description:
				'Shown in my.sepay.vn → Payment Gateway → integration information (SP-TEST-… in the sandbox)',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Signs checkout forms, authenticates order API calls and proves IPNs come from SePay',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.merchantId}}',
				password: '={{$credentials.secretKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : $credentials.environment === "sandbox" ? "https://pgapi-sandbox.sepay.vn" : "https://pgapi.sepay.vn"}}',
			url: '/v1/order',
			qs: { per_page: 1 },
			method: 'GET',
		},
	};
}
