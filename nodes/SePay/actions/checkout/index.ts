import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as create from './create.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['checkout'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a checkout page',
			description:
				'Sign a Payment Gateway checkout form and build the page that sends the customer to SePay (for Respond to Webhook)',
		},
	],
	default: 'create',
};

export const checkout: SePayResource = {
	description: [operation, ...create.description],
	operations: { create },
};
