import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as count from './count.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['transaction'] } },
	options: [
		{
			name: 'Count',
			value: 'count',
			action: 'Count transactions',
			description: 'Count the bank transactions that match the filters',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a transaction',
			description: 'Get one bank transaction by its SePay ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many transactions',
			description:
				'List bank transactions (money in and out) with filters such as account, date range, amount, payment code or reference number',
		},
	],
	default: 'getAll',
};

export const transaction: SePayResource = {
	description: [operation, ...get.description, ...getAll.description, ...count.description],
	operations: { count, get, getAll },
};
