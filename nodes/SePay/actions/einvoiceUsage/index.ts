import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as get from './get.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['einvoiceUsage'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the remaining quota',
			description: 'Get how many invoices can still be issued (drafts use none)',
		},
	],
	default: 'get',
};

export const einvoiceUsage: SePayResource = {
	description: [operation, ...get.description],
	operations: { get },
};
