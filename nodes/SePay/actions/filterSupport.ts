import type { IDataObject } from 'n8n-workflow';

/** Keys of a filters collection the user actually filled in. */
export function filledKeys(filters: IDataObject): string[] {
	return Object.keys(filters).filter((key) => {
		const value = filters[key];
		if (value === undefined || value === null || value === '') return false;
		if (typeof value === 'object' && !Array.isArray(value) && 'value' in (value as IDataObject)) {
			const inner = (value as IDataObject).value;
			return inner !== undefined && inner !== null && String(inner).trim() !== '';
		}
		return true;
	});
}
