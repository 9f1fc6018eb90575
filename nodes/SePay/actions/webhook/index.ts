import type { INodeProperties } from 'n8n-workflow';

import { oAuth2OnlyNotice } from '../authentication';
import type { SePayResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a webhook',
			description: 'Make SePay post every new bank transaction to a URL',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a webhook',
			description: 'Stop and remove a SePay webhook',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a webhook',
			description: 'Get one SePay webhook and its settings',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many webhooks',
			description: 'List the SePay webhooks of the company',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a webhook',
			description: "Change a SePay webhook's settings, e.g. its URL or whether it is active",
		},
	],
	default: 'getAll',
};

export const webhook: SePayResource = {
	description: [
		operation,
		oAuth2OnlyNotice('webhook'),
		...create.description,
		...get.description,
		...getAll.description,
		...update.description,
		...del.description,
	],
	operations: { create, delete: del, get, getAll, update },
};
