import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as get from './get.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['einvoiceToken'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the access token',
			description:
				'Get the credential’s cached bearer token, its type and expiry, to call other endpoints with the HTTP Request node. The output contains a secret.',
		},
	],
	default: 'get',
};

export const einvoiceToken: SePayResource = {
	description: [operation, ...get.description],
	operations: { get },
};
