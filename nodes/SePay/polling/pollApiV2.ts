import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../transport';
import { SeenIds } from '../transactions/dedup';
import { manualSample } from './sample';
import type { PollState } from './state';

/** Most transactions one poll emits; a longer backlog continues on the next poll. */
export const MAX_PER_POLL = 10_000;
/** Ids remembered as a guard against a transaction coming back on a later page or poll. */
const RECENT_IDS = 1_000;

/**
 * API v2 (API token): `since_id` = the last transaction seen, ascending date order, 100 a page,
 * every page (`has_more`). Returns the new transactions, oldest first.
 */
export async function pollApiV2(this: IPollFunctions, state: PollState, manual: boolean): Promise<IDataObject[]> {
	if (manual) return await manualSample.call(this, 'apiToken');

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

	const seen = new SeenIds(state, 'recentIds', RECENT_IDS);
	const fresh = records.filter((record) => !seen.has(record.id));
	seen.add(...records.map((record) => record.id));
	state.sinceId = String(records[records.length - 1].id);
	return fresh;
}
