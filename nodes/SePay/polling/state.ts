import type { IDataObject } from 'n8n-workflow';

import type { BankingAuthentication } from '../transport';

/**
 * What the polling trigger remembers between polls, in the node's static data. n8n persists it
 * whenever a poll emits; between polls it lives in the active workflow's memory.
 */
export interface PollState extends IDataObject {
	/** The API the cursor belongs to; switching Authentication starts afresh. */
	authentication?: BankingAuthentication;
	/** Absent for "everything" (and in states saved before modes existed). */
	mode?: PollMode;
	initialized?: boolean;
	/** API v2: UUID of the last transaction seen (the `since_id` of the next poll). */
	sinceId?: string | null;
	/** OAuth2 API: highest numeric transaction id seen. */
	maxId?: number;
	/** OAuth2 API: date (YYYY-MM-DD, Vietnam) of the newest transaction seen; the next window starts a day earlier. */
	windowDate?: string;
	/** Catch-up mode: when it started (ms); its window never reaches before. */
	catchUpSince?: number;
	/** Catch-up mode: when the previous poll read SePay (ms); the next window starts a look-back before. */
	lastPollAt?: number;
}

export type PollMode = 'everything' | 'missed';

/**
 * The node's poll state, reset when it belongs to another API or mode (a state saved before modes
 * existed is "everything"'s, so a saved workflow keeps its cursor).
 */
export function pollState(
	data: IDataObject,
	authentication: BankingAuthentication,
	mode: PollMode = 'everything',
): PollState {
	const state = data as PollState;
	if (state.authentication !== authentication || (state.mode ?? 'everything') !== mode) {
		const oldMemory = state.recentIds;
		for (const key of Object.keys(state)) delete state[key];
		// The memory from before the shared one is still taken over (see the node).
		if (oldMemory !== undefined) state.recentIds = oldMemory;
		state.authentication = authentication;
		if (mode !== 'everything') state.mode = mode;
	}
	return state;
}
