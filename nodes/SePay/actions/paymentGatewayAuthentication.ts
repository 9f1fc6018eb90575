import type { INodeProperties } from 'n8n-workflow';

import { resourcesExcept } from './registry';

/**
 * Their Authentication, shown only for them with its one option as default, so the credential is
 * keyed on `authentication` alone (transport/credentialDisplay.ts). Written as `hide` for every
 * other resource: n8n's editor hides the parameters an auth field's own `show` names (Resource).
 */
export const paymentGatewayAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'Payment Gateway API',
			value: 'paymentGatewayApi',
			description: 'Merchant ID and secret key from my.sepay.vn → Payment Gateway',
		},
	],
	default: 'paymentGatewayApi',
	displayOptions: { hide: { resource: resourcesExcept('paymentGateway') } },
};
