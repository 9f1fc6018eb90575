import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getVirtualAccounts from './getVirtualAccounts.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['bankAccount'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a bank account',
			description: 'Get one bank account connected to SePay, with its bank and balance',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many bank accounts',
			description: 'List the bank accounts connected to SePay',
		},
		{
			name: 'Get Many Virtual Accounts',
			value: 'getVirtualAccounts',
			action: 'Get many virtual accounts of a bank account',
			description: 'List the virtual accounts (VAs, sub-accounts) of one bank account',
		},
	],
	default: 'getAll',
};

export const bankAccount: SePayResource = {
	description: [
		operation,
		...get.description,
		...getAll.description,
		...getVirtualAccounts.description,
	],
	operations: { get, getAll, getVirtualAccounts },
};
