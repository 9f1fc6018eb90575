import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT, customServerProperties } from './shared/customServer';

const HOSTS: Record<string, string> = {
	production: 'https://einvoice-api.sepay.vn',
	sandbox: 'https://einvoice-api-sandbox.sepay.vn',
};

function einvoiceRoot(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom')
		return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	return HOSTS[String(credentials.environment)] ?? HOSTS.production;
}

export const WRONG_CLIENT_MESSAGE =
	'SePay eInvoice did not issue an access token: check the client ID, the client secret and the environment (Sandbox and Production have their own).';

export const NOT_EINVOICE_MESSAGE =
	'The answer did not come from the SePay eInvoice API: check the Environment, and the Base URL of a Custom one (the root, without /v1).';

function tokenFailure(status: number | undefined, code: unknown): string {
	const detail = [status ? `HTTP ${status}` : '', code ? String(code) : '']
		.filter(Boolean)
		.join(' ');
	return `SePay eInvoice did not issue an access token${detail ? ` (${detail})` : ''}: check the client ID, the client secret and the environment`;
}

/**
 * SePay eInvoice: client ID + secret are exchanged for a 24-hour bearer token (POST /v1/token,
 * Basic auth). The token lives in the hidden expirable `accessToken` field, so n8n fetches it once,
 * stores it with the credential, reuses it across items and executions, and fetches it again when
 * a request answers 401.
 */
export class SePayEInvoiceApi implements ICredentialType {
	name = 'sePayEInvoiceApi';

	displayName = 'SePay eInvoice API';

	icon: Icon = {
		light: 'file:../nodes/SePay/sepay.svg',
		dark: 'file:../nodes/SePay/sepay.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-sepay#sepay-einvoice';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'einvoice-api.sepay.vn' },
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'einvoice-api-sandbox.sepay.vn; nothing reaches the tax authority',
				},
				CUSTOM_ENVIRONMENT,
			],
			default: 'production',
		},
		...customServerProperties('/v1'),
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		let response: IDataObject;
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${einvoiceRoot(credentials)}/v1/token`,
				auth: {
					username: String(credentials.clientId),
					password: String(credentials.clientSecret),
				},
				json: true,
			})) as IDataObject;
		} catch (error) {
			// A fresh error: the original carries the request config, Basic auth included.
			const status = (error as { response?: { status?: number; data?: IDataObject } }).response;
			const code = ((status?.data?.error ?? {}) as IDataObject).code;
			throw new Error(tokenFailure(status?.status, code));
		}
		const accessToken = ((response?.data ?? {}) as IDataObject).access_token;
		if (response?.success === false || typeof accessToken !== 'string' || accessToken === '') {
			throw new Error(tokenFailure(undefined, ((response?.error ?? {}) as IDataObject).code));
		}
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	/**
	 * Tests the client ID and secret themselves (POST /v1/token with Basic auth), not the stored
	 * token: n8n keeps the cached token while the credential is edited, so a test through it would
	 * pass with a changed, wrong secret (found by the browser suite, issue 12). Error answers are
	 * read as bodies: n8n 2.x shows "Authorization failed" for any 401 otherwise.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : $credentials.environment === "sandbox" ? "https://einvoice-api-sandbox.sepay.vn" : "https://einvoice-api.sepay.vn"}}',
			url: '/v1/token',
			method: 'POST',
			auth: { username: '={{$credentials.clientId}}', password: '={{$credentials.clientSecret}}' },
			ignoreHttpStatusErrors: true,
		},
		// SePay answers {"success":true,"data":{"access_token":…}} or {"success":false,"error":{…}}.
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'success', value: false, message: WRONG_CLIENT_MESSAGE },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'data.access_token', value: undefined, message: NOT_EINVOICE_MESSAGE },
			},
		],
	};
}
