import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** The "Custom" environment choice every SePay credential offers (a proxy, a test server …). */
export const CUSTOM_ENVIRONMENT: INodePropertyOptions = {
	name: 'Custom',
	value: 'custom',
	description: 'Another base URL, such as a proxy or a test server',
};

/** Base URL and pace of a Custom server; `appended` says which paths the nodes add to the root. */
export function customServerProperties(appended: string): INodeProperties[] {
	const show = { show: { environment: ['custom'] } };
	return [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010',
			description: `Root URL without the version path; the nodes append ${appended}`,
			displayOptions: show,
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: 3,
			typeOptions: { minValue: 0.1 },
			description:
				'How fast the nodes may call this server. SePay allows 3 per second; only a custom server may allow more.',
			displayOptions: show,
		},
	];
}
