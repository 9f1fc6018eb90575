import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_LOOK_BACK_MINUTES } from './catchUp';
import {
	directionProperty,
	filtersProperty,
	simplifyOption,
} from '../transactions/filters.description';

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
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Every New Transaction',
				value: 'everything',
				description: 'Each transaction SePay lists after the previous poll',
			},
			{
				name: 'Only What the Webhook Missed',
				value: 'missed',
				description:
					'For a workflow that also has a SePay Trigger: re-reads the look-back window on every poll and emits only transactions no trigger of this workflow has started it for',
			},
		],
		default: 'everything',
	},
	{
		displayName: 'Look Back (Minutes)',
		name: 'lookBackMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1380 },
		default: DEFAULT_LOOK_BACK_MINUTES,
		description:
			"How far before the previous poll each poll reads again. The default covers SePay's webhook retries (about 33 minutes) with a margin.",
		displayOptions: { show: { mode: ['missed'] } },
	},
	directionProperty,
	filtersProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [simplifyOption],
	},
];
