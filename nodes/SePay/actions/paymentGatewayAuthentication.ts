import type { INodeProperties } from 'n8n-workflow';

import { resourcesOf } from './registry';

/** Resources served by the Payment Gateway and its own credential (merchant ID + secret key). */
export const PAYMENT_GATEWAY_RESOURCES = resourcesOf('paymentGateway');

/**
 * Their Authentication, shown only for them with its one option as default, so the credential is
 * keyed on `authentication` alone (the editor hides whatever a credential's displayOptions name).
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
	displayOptions: { show: { resource: PAYMENT_GATEWAY_RESOURCES } },
};
