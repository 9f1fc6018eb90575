import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT, customServerProperties } from './shared/customServer';

const SCOPES = [
	'bank-account:read',
	'transaction:read',
	'webhook:read',
	'webhook:write',
	'webhook:delete',
	'profile',
	'company',
];

/**
 * SePay OAuth2 (authorization code + refresh) for the OAuth2 API at /api/v1.
 * SePay documents no sandbox for OAuth2, so the choice is Production or a custom root URL.
 */
export class SePayOAuth2Api implements ICredentialType {
	name = 'sePayOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'SePay OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/SePay/sepay.svg',
		dark: 'file:../nodes/SePay/sepay.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-sepay#sepay-oauth2';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'my.sepay.vn' },
				CUSTOM_ENVIRONMENT,
			],
			default: 'production',
		},
		...customServerProperties('/oauth/authorize, /oauth/token and /api/v1'),
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{$self["environment"] === "custom" ? String($self["baseUrl"]).replace(/\\/+$/, "") + "/oauth/authorize" : "https://my.sepay.vn/oauth/authorize"}}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{$self["environment"] === "custom" ? String($self["baseUrl"]).replace(/\\/+$/, "") + "/oauth/token" : "https://my.sepay.vn/oauth/token"}}',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: SCOPES.join(' ') },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		// SePay reads client_id and client_secret from the form body, not from Basic auth.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
