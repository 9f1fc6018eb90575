import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BankingAuthentication } from '../transport';
import { resourcesOf } from './registry';

/** Resources served by the banking APIs (API token or OAuth2). */
export const BANKING_RESOURCES = resourcesOf('banking');

/** Resources served by the eInvoice API and its own credential. */
export const EINVOICE_RESOURCES = resourcesOf('einvoice');

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
			description: 'SePay OAuth2 API (needs an OAuth2 app approved by SePay); also manages webhooks',
		},
	],
	default: 'apiToken',
	displayOptions: { show: { resource: BANKING_RESOURCES } },
};

export function getAuthentication(context: IExecuteFunctions, itemIndex: number): BankingAuthentication {
	return context.getNodeParameter('authentication', itemIndex, 'apiToken') as BankingAuthentication;
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
			show: { resource: [resource], authentication: ['apiToken'], ...(operations ? { operation: operations } : {}) },
		},
	};
}
