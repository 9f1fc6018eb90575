import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BankingAuthentication } from '../transport';
import { resourcesExcept, resourcesOf } from './registry';

/** Resources served by the banking APIs (API token or OAuth2). */
export const BANKING_RESOURCES = resourcesOf('banking');

/** Resources served by the eInvoice API and its own credential. */
export const EINVOICE_RESOURCES = resourcesOf('einvoice');

/** Resources that need no credential (public endpoints). */
const NO_CREDENTIAL_RESOURCES = resourcesOf('public');

/*
 * Every Authentication value the node knows; each credential is hidden for all but its own
 * (transport/credentialDisplay.ts). 'none': resources that need no credential.
 * The Authentication properties also say where they are hidden: were a credential ever keyed by
 * `show` again, n8n's editor would hide every parameter an auth field's `show` names (Resource).
 */
export const AUTHENTICATION_VALUES = [
	'apiToken',
	'oAuth2',
	'eInvoiceApi',
	'paymentGatewayApi',
	'none',
] as const;

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'API Token',
			value: 'apiToken',
			description: 'SePay API v2 with the company API token (most SePay customers have one)',
		},
		{
			name: 'OAuth2',
			value: 'oAuth2',
			description:
				'SePay OAuth2 API (needs an OAuth2 app approved by SePay); also manages webhooks',
		},
	],
	default: 'apiToken',
	displayOptions: { hide: { resource: resourcesExcept('banking') } },
};

/**
 * The eInvoice API's one authentication. A property of its own (same name, other resources) so
 * the credentials can be keyed on `authentication` alone: n8n's editor hides every parameter a
 * credential's displayOptions name, and keying on `resource` hid the Resource selector (issue 12).
 * Nodes saved before it existed have no value here and get this default.
 */
export const einvoiceAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'E-Invoice API',
			value: 'eInvoiceApi',
			description: 'SePay eInvoice API with its client ID and secret',
		},
	],
	default: 'eInvoiceApi',
	displayOptions: { hide: { resource: resourcesExcept('einvoice') } },
};

/**
 * The banking Authentication. n8n's credential list mixes every SePay credential, and choosing an
 * eInvoice one sets Authentication to E-Invoice API: say so instead of calling the wrong API.
 */
export function getAuthentication(
	context: IExecuteFunctions,
	itemIndex: number,
): BankingAuthentication {
	const value = context.getNodeParameter('authentication', itemIndex, 'apiToken') as string;
	if (value === 'apiToken' || value === 'oAuth2') return value;
	throw new NodeOperationError(
		context.getNode(),
		`Authentication "${value}" cannot be used for this resource`,
		{
			itemIndex,
			description:
				'Bank accounts, transactions, virtual account orders, webhooks, profile and company need a SePay API (token) or SePay OAuth2 API credential.',
		},
	);
}

/** For operations SePay offers on the OAuth2 API only: a clear message instead of a failed call. */
export function requireOAuth2(context: IExecuteFunctions, itemIndex: number, what: string): void {
	if (getAuthentication(context, itemIndex) === 'oAuth2') return;
	throw new NodeOperationError(context.getNode(), `${what} needs OAuth2 authentication`, {
		itemIndex,
		description:
			"SePay's API token (API v2) has no endpoint for this. Set Authentication to OAuth2 and choose a SePay OAuth2 credential.",
	});
}

/** A notice shown in the editor when the chosen operation needs OAuth2 but API Token is selected. */
export function oAuth2OnlyNotice(resource: string, operations?: string[]): INodeProperties {
	return {
		displayName:
			'This operation needs OAuth2 authentication: SePay API tokens (API v2) cannot use it. Set Authentication to OAuth2.',
		name: `${resource}OAuth2Notice`,
		type: 'notice',
		default: '',
		displayOptions: {
			show: {
				resource: [resource],
				authentication: ['apiToken'],
				...(operations ? { operation: operations } : {}),
			},
		},
	};
}

/** Payment QR needs no credential: its Authentication is "none", so every credential hides. */
export const noCredentialAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'hidden',
	default: 'none',
	displayOptions: { show: { resource: NO_CREDENTIAL_RESOURCES } },
};
