import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** Records as output items (the router adds pairedItem). */
export function toItems(records: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(records) ? records : [records]).map((json) => ({ json }));
}
