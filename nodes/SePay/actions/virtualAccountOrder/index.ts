import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as addVirtualAccount from './addVirtualAccount.operation';
import * as cancel from './cancel.operation';
import * as cancelVirtualAccount from './cancelVirtualAccount.operation';
import * as create from './create.operation';
import { commonProperties, RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Add Virtual Account',
			value: 'addVirtualAccount',
			action: 'Add a virtual account to an order',
			description: 'Another VA for the order (e.g. BIDV partial payment)',
		},
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a virtual account order',
			description: 'Cancel a Pending order and its unpaid VAs',
		},
		{
			name: 'Cancel Virtual Account',
			value: 'cancelVirtualAccount',
			action: 'Cancel a virtual account of an order',
			description: 'Cancel one unpaid VA',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a virtual account order',
			description: 'An order with its own virtual account number and QR code',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a virtual account order',
			description: 'Status, paid amount and virtual accounts of an order',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many virtual account orders',
			description: "List a bank account's orders",
		},
	],
	default: 'create',
};

export const virtualAccountOrder: SePayResource = {
	description: [
		operation,
		...commonProperties,
		...create.description,
		...get.description,
		...getAll.description,
		...cancel.description,
		...addVirtualAccount.description,
		...cancelVirtualAccount.description,
	],
	operations: { addVirtualAccount, cancel, cancelVirtualAccount, create, get, getAll },
};
