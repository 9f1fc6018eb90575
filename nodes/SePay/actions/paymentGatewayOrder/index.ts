import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as cancel from './cancel.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as voidTransaction from './voidTransaction.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a payment gateway order',
			description: 'Cancel an unpaid bank-transfer or NAPAS QR order',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a payment gateway order',
			description: 'Get an order with its transactions (CAPTURED means paid)',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many payment gateway orders',
			description: 'List orders with filters',
		},
		{
			name: 'Void Transaction',
			value: 'voidTransaction',
			action: 'Void a card payment',
			description: 'Void a captured card payment before the settlement cut-off',
		},
	],
	default: 'get',
};

export const paymentGatewayOrder: SePayResource = {
	description: [
		operation,
		...get.description,
		...getAll.description,
		...cancel.description,
		...voidTransaction.description,
	],
	operations: { cancel, get, getAll, voidTransaction },
};
