import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT, customServerProperties } from './shared/customServer';

/**
 * What a refused token usually means: a Test-mode token works only against the sandbox and a live
 * one only against production, and the token itself may be mistyped, deleted or disabled.
 */
/** Any other error answer (403, 404, 429 …): SePay's own message is in the response. */
export const SEPAY_ERROR_MESSAGE =
	'SePay answered with an error: check the Environment (and the Base URL of a Custom one) and that the token is active.';

export const NOT_SEPAY_MESSAGE =
	'The answer did not come from SePay API v2: check the Environment, and the Base URL of a Custom one (the root, without /v2).';

export const WRONG_TOKEN_MESSAGE =
	'SePay refused this API token. A Test-mode token works only with Environment "Sandbox (Test Mode)", a live token only with "Production": check the token (my.sepay.vn → Company Settings → API Access) and the Environment.';

/** SePay's API token (company settings → API Access), used against API v2. */
export class SePayApi implements ICredentialType {
	name = 'sePayApi';

	displayName = 'SePay API';

	icon: Icon = {
		light: 'file:../nodes/SePay/sepay.svg',
		dark: 'file:../nodes/SePay/sepay.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-sepay#sepay-api-token';

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
			// n8n 2.x never matches `responseCode` rules (its request error has no `cause`) and shows
			// "Authorization failed" for any 401. So error answers are read as bodies and matched below.
			ignoreHttpStatusErrors: true,
		},
		// API v2 answers {"status":"success",…} or {"status":"error","message":…,"error_code":…}; an
		// answer without `status` (an HTML page, another server) is not SePay API v2 at all.
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'error_code', value: 'unauthorized', message: WRONG_TOKEN_MESSAGE },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: 'error', message: SEPAY_ERROR_MESSAGE },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: undefined, message: NOT_SEPAY_MESSAGE },
			},
		],
	};
}
