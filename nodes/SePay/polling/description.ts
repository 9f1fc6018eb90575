import type { INodeProperties } from 'n8n-workflow';

import { directionProperty, filtersProperty, simplifyOption } from '../transactions/filters.description';

export const pollingProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'API Token',
				value: 'apiToken',
				description: 'SePay API v2 with the company API token: new transactions by since_id',
			},
			{
				name: 'OAuth2',
				value: 'oAuth2',
				description: 'SePay OAuth2 API: new transactions by date window and transaction ID',
			},
		],
		default: 'apiToken',
	},
	directionProperty,
	filtersProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			simplifyOption,
		],
	},
];
