import type { IDataObject } from 'n8n-workflow';

import type { BankingAuthentication } from '../transport';

/**
 * What the polling trigger remembers between polls, in the node's static data. n8n persists it
 * whenever a poll emits; between polls it lives in the active workflow's memory.
 */
export interface PollState extends IDataObject {
	/** The API the cursor belongs to; switching Authentication starts afresh. */
	authentication?: BankingAuthentication;
	initialized?: boolean;
	/** API v2: UUID of the last transaction seen (the `since_id` of the next poll). */
	sinceId?: string | null;
	/** OAuth2 API: highest numeric transaction id seen. */
	maxId?: number;
	/** OAuth2 API: date (YYYY-MM-DD, Vietnam) of the newest transaction seen; the next window starts a day earlier. */
	windowDate?: string;
}

/** The node's poll state, reset when it belongs to another API. */
export function pollState(data: IDataObject, authentication: BankingAuthentication): PollState {
	const state = data as PollState;
	if (state.authentication !== authentication) {
		for (const key of Object.keys(state)) delete state[key];
		state.authentication = authentication;
	}
	return state;
}
