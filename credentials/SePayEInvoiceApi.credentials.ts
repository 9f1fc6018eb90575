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
	if (credentials.environment === 'custom') return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	return HOSTS[String(credentials.environment)] ?? HOSTS.production;
}

function tokenFailure(status: number | undefined, code: unknown): string {
	const detail = [status ? `HTTP ${status}` : '', code ? String(code) : ''].filter(Boolean).join(' ');
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

	icon: Icon = { light: 'file:../nodes/SePay/sepay.svg', dark: 'file:../nodes/SePay/sepay.dark.svg' };

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
				auth: { username: String(credentials.clientId), password: String(credentials.clientSecret) },
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

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : $credentials.environment === "sandbox" ? "https://einvoice-api-sandbox.sepay.vn" : "https://einvoice-api.sepay.vn"}}',
			url: '/v1/usage',
			method: 'GET',
		},
	};
}
