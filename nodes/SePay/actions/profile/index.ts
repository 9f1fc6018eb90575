import type { INodeProperties } from 'n8n-workflow';

import { oAuth2OnlyNotice } from '../authentication';
import type { SePayResource } from '../types';
import * as get from './get.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['profile'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the connected user',
			description: 'Get the SePay user who connected the OAuth2 credential',
		},
	],
	default: 'get',
};

export const profile: SePayResource = {
	description: [operation, oAuth2OnlyNotice('profile'), ...get.description],
	operations: { get },
};
