import type { INodeProperties } from 'n8n-workflow';

import { oAuth2OnlyNotice } from '../authentication';
import type { SePayResource } from '../types';
import * as get from './get.operation';
import * as updateConfigurations from './updateConfigurations.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['company'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the company',
			description: 'Get the SePay company, its plan and configuration (payment code formats)',
		},
		{
			name: 'Update Configurations',
			value: 'updateConfigurations',
			action: 'Update the company configurations',
			description: 'Replace the payment code formats SePay recognises in transfer contents',
		},
	],
	default: 'get',
};

export const company: SePayResource = {
	description: [
		operation,
		oAuth2OnlyNotice('company'),
		...get.description,
		...updateConfigurations.description,
	],
	operations: { get, updateConfigurations },
};
