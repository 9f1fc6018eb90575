import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as generate from './generate.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['paymentQr'] } },
	options: [
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate a payment QR code',
			description:
				'Make a VietQR code for a bank transfer of a given amount with the payment code in its memo (URL, optionally the image); needs no credential',
		},
	],
	default: 'generate',
};

export const paymentQr: SePayResource = {
	description: [operation, ...generate.description],
	operations: { generate },
};
