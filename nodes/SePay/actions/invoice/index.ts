import type { INodeProperties } from 'n8n-workflow';

import type { SePayResource } from '../types';
import * as create from './create.operation';
import * as deleteDraft from './deleteDraft.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getCreationStatus from './getCreationStatus.operation';
import * as getIssueStatus from './getIssueStatus.operation';
import * as issue from './issue.operation';

const operation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invoice'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create an invoice',
			description: 'Create a draft or an issued e-invoice, and wait until it is done',
		},
		{
			name: 'Delete Draft',
			value: 'deleteDraft',
			action: 'Delete a draft invoice',
			description: 'Delete a draft for good; issued invoices cannot be deleted',
		},
		{
			name: 'Download',
			value: 'download',
			action: 'Download an invoice file',
			description: 'Download the PDF or XML of an issued invoice into a binary field',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an invoice',
			description: 'Get an invoice by its reference code',
		},
		{
			name: 'Get Creation Status',
			value: 'getCreationStatus',
			action: 'Get the status of an invoice creation',
			description: 'Check a create job by its tracking code',
		},
		{
			name: 'Get Issue Status',
			value: 'getIssueStatus',
			action: 'Get the status of an invoice issue',
			description: 'Check an issue job by its tracking code',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many invoices',
			description: 'List invoices',
		},
		{
			name: 'Issue',
			value: 'issue',
			action: 'Issue a draft invoice',
			description: 'Sign a draft and send it to the tax authority, and wait until it is done',
		},
	],
	default: 'create',
};

export const invoice: SePayResource = {
	description: [
		operation,
		...create.description,
		...getCreationStatus.description,
		...issue.description,
		...getIssueStatus.description,
		...get.description,
		...getAll.description,
		...deleteDraft.description,
		...download.description,
	],
	operations: {
		create,
		deleteDraft,
		download,
		get,
		getAll,
		getCreationStatus,
		getIssueStatus,
		issue,
	},
};
