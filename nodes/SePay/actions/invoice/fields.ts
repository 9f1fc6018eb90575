import type { INodeProperties } from 'n8n-workflow';

function show(operations: string[]) {
	return { show: { resource: ['invoice'], operation: operations } };
}

/** Reference Code of an existing invoice (Get, Issue, Delete Draft). */
export function referenceCodeProperty(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Reference Code',
		name: 'referenceCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '084e179d-d95a-11f0-aef4-52c7e9b4f41b',
		description,
		displayOptions: show(operations),
	};
}

/** Tracking Code of a create or issue job (status checks, download). */
export function trackingCodeProperty(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Tracking Code',
		name: 'trackingCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '084e179d-d95a-11f0-aef4-52c7e9b4f41b',
		description,
		displayOptions: show(operations),
	};
}

/** Wait for Completion and its Options (interval, timeout) for Create and Issue. */
export function waitProperties(operation: 'create' | 'issue'): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until SePay has finished the job and output the finished invoice; otherwise output the tracking code at once',
			displayOptions: show([operation]),
		},
	];
}

/** Poll Interval and Timeout, options of Create and Issue when waiting. */
export const pollOptions: INodeProperties[] = [
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		description:
			'How long to wait between two status checks while waiting for completion. SePay suggests 2 to 5 seconds.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description:
			'How long to wait for completion at most; then the node stops with the tracking code, to check later with Get Creation Status or Get Issue Status',
	},
];
