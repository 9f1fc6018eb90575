import type { IDataObject, INode } from 'n8n-workflow';

import { invalidInput } from '../helpers/invalidInput';
import type { BankingAuthentication } from '../transport';

const API_NAME: Record<BankingAuthentication, string> = { apiToken: 'API Token', oAuth2: 'OAuth2' };

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

/**
 * A filter the chosen API does not have is refused with a clear message: ignoring it would
 * return records the user asked to exclude.
 */
export function refuseUnsupportedFilters(
	node: INode,
	itemIndex: number,
	authentication: BankingAuthentication,
	filters: IDataObject,
	supported: string[],
	labels: Record<string, string>,
	group = 'Filters',
): void {
	for (const key of filledKeys(filters)) {
		if (supported.includes(key)) continue;
		const other = authentication === 'apiToken' ? 'oAuth2' : 'apiToken';
		throw invalidInput(
			{ node, itemIndex, field: `${group} → ${labels[key] ?? key}` },
			`no value here: SePay's ${API_NAME[authentication]} API has no such filter (it exists with ${API_NAME[other]} authentication). Remove it or switch Authentication`,
			filters[key],
		);
	}
}
