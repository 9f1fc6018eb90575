import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../transport';
import type { BankingAuthentication } from '../transport';
import { MEMORY_HORIZON_MS } from '../transactions/idMemory';
import { formatVietnamTime, vietnamTimeToInstant } from '../helpers/dates';
import { MAX_PER_POLL } from './pollApiV2';
import type { PollState } from './state';

/**
 * "Only What the Webhook Missed": every poll re-reads the recent past (the look-back window) and
 * the node emits what the workflow's shared memory does not know. Re-reading, not a cursor, is
 * what makes it complete: a transaction whose webhook never arrived (n8n down or unreachable past
 * SePay's ~33 minutes of retries) or whose run never finished is found on every poll until one
 * run of it is remembered.
 */

/** SePay retries a webhook for about 33 minutes; the default window adds a margin to an hour. */
export const DEFAULT_LOOK_BACK_MINUTES = 60;
/**
 * The window never reaches further back than the memory remembers (a day, less an hour of slack),
 * or transactions run long ago would look new again.
 */
const MAX_LOOK_BACK_MS = MEMORY_HORIZON_MS - 60 * 60_000;

/** Where this poll's window starts (ms): the look-back before the previous poll, bounded. */
export function windowStart(state: PollState, now: number, lookBackMs: number): number {
	const previous = typeof state.lastPollAt === 'number' ? Math.min(state.lastPollAt, now) : now;
	const start = Math.max(previous - lookBackMs, now - MAX_LOOK_BACK_MS);
	// Never before the activation: history from before the trigger existed is not "missed".
	return Math.max(start, typeof state.catchUpSince === 'number' ? state.catchUpSince : now);
}

function dateOf(record: IDataObject): number {
	const instant = vietnamTimeToInstant(String(record.transaction_date ?? '').slice(0, 19));
	return Number.isFinite(instant) ? instant : Number.NaN;
}

const DECIMAL_ID = /^\d+$/;

/** Oldest first: by bank time, then numeric ids in number order; otherwise SePay's order stays. */
function byAge(a: IDataObject, b: IDataObject): number {
	const byDate = dateOf(a) - dateOf(b);
	if (byDate) return byDate;
	const ia = String(a.id ?? '');
	const ib = String(b.id ?? '');
	if (!DECIMAL_ID.test(ia) || !DECIMAL_ID.test(ib)) return 0;
	return ia.length - ib.length || (ia < ib ? -1 : ia > ib ? 1 : 0);
}

/** The window's transactions, oldest first (records without a readable date are kept: a duplicate is better than a loss). */
export async function catchUpRecords(
	this: IPollFunctions,
	authentication: BankingAuthentication,
	state: PollState,
	now: number,
	lookBackMs: number,
): Promise<IDataObject[]> {
	if (typeof state.catchUpSince !== 'number') state.catchUpSince = now;
	// SePay's times have whole seconds: a transaction in the second the window starts is in it.
	const from = Math.floor(windowStart(state, now, lookBackMs) / 1000) * 1000;
	const fromText = formatVietnamTime(from);
	const qs: IDataObject =
		authentication === 'oAuth2'
			? { from_date: fromText.slice(0, 10) }
			: { transaction_date_from: fromText, transaction_date_sort: 'asc' };
	const records = await sepayApiRequestAllItems.call(
		this,
		authentication,
		{ method: 'GET', path: '/transactions', qs },
		{ returnAll: false, limit: MAX_PER_POLL, perPage: 100 },
	);
	state.lastPollAt = now;
	// The OAuth2 API filters by day only: the time of day is checked here.
	return records.filter((record) => !(dateOf(record) < from)).sort(byAge);
}
