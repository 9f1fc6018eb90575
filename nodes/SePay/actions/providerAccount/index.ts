import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['providerAccount'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a provider account',
			description: 'Get a provider account with its templates (template code, invoice series)',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many provider accounts',
			description: 'List the e-invoice provider accounts',
		},
	],
	default: 'getAll',
};

export const providerAccount: SePayResource = {
	description: [operation, ...get.description, ...getAll.description],
	operations: { get, getAll },
};
