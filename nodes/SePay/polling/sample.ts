import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../transport';
import type { BankingAuthentication } from '../transport';

/** How many latest transactions a manual test run shows. */
export const MANUAL_SAMPLE = 10;

/** A manual test run: the latest transactions, oldest first, whatever the cursor (left untouched). */
export async function manualSample(
	this: IPollFunctions,
	authentication: BankingAuthentication,
): Promise<IDataObject[]> {
	const latest = await sepayApiRequestAllItems.call(
		this,
		authentication,
		{ method: 'GET', path: '/transactions' },
		{ returnAll: false, limit: MANUAL_SAMPLE },
	);
	return latest.reverse();
}
