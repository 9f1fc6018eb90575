import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT, customServerProperties } from './shared/customServer';

/** SePay's API token (company settings → API Access), used against API v2. */
export class SePayApi implements ICredentialType {
	name = 'sePayApi';

	displayName = 'SePay API';

	icon: Icon = { light: 'file:../nodes/SePay/sepay.svg', dark: 'file:../nodes/SePay/sepay.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-sepay/n8n-nodes-sepay#sepay-api-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'Live data at userapi.sepay.vn',
				},
				{
					name: 'Sandbox (Test Mode)',
					value: 'sandbox',
					description: 'SePay Test mode at userapi-sandbox.sepay.vn; needs a Test-mode token',
				},
				CUSTOM_ENVIRONMENT,
			],
			default: 'production',
		},
		...customServerProperties('/v2'),
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Made in my.sepay.vn → Company Settings → API Access',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") + "/v2" : $credentials.environment === "sandbox" ? "https://userapi-sandbox.sepay.vn/v2" : "https://userapi.sepay.vn/v2"}}',
			url: '/bank-accounts',
			qs: { per_page: 1 },
			method: 'GET',
		},
	};
}
