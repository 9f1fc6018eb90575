import type { INodeProperties } from 'n8n-workflow';

import { simplifyOption } from '../transactions/filters.description';

/** Return All + Limit for a Get Many operation. */
export function returnAllAndLimit(resource: string, operation = 'getAll'): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** Simplify toggle, on by default: one compact, stable shape. */
export function simplifyProperty(resource: string, operations: string[]): INodeProperties {
	return {
		...simplifyOption,
		displayOptions: { show: { resource: [resource], operation: operations } },
	};
}
