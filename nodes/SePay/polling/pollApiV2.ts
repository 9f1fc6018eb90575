import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../transport';
import type { PollState } from './state';

/** Most transactions one poll emits; a longer backlog continues on the next poll. */
export const MAX_PER_POLL = 10_000;

/**
 * API v2 (API token): `since_id` = the last transaction seen, ascending date order, 100 a page,
 * every page (`has_more`). Returns the transactions after the cursor, oldest first.
 */
export async function pollApiV2(this: IPollFunctions, state: PollState): Promise<IDataObject[]> {
	if (!state.initialized) {
		// First activation starts from "now": remember the newest transaction, emit nothing.
		const [first] = await sepayApiRequestAllItems.call(
			this,
			'apiToken',
			{ method: 'GET', path: '/transactions' },
			{ returnAll: false, limit: 1 },
		);
		state.sinceId = first?.id === undefined ? null : String(first.id);
		state.initialized = true;
		return [];
	}

	const qs: IDataObject = { transaction_date_sort: 'asc' };
	if (state.sinceId) qs.since_id = state.sinceId;
	const records = await sepayApiRequestAllItems.call(
		this,
		'apiToken',
		{ method: 'GET', path: '/transactions', qs },
		{ returnAll: false, limit: MAX_PER_POLL, perPage: 100 },
	);
	if (records.length === 0) return [];

	// A transaction coming back on a later page or poll is caught by the workflow's memory.
	state.sinceId = String(records[records.length - 1].id);
	return records;
}
