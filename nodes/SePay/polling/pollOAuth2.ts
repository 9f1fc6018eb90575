import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../transport';
import { MAX_PER_POLL } from './pollApiV2';
import type { PollState } from './state';
import { datePart, daysBefore, vietnamDate } from '../helpers/dates';

const PAGE_SIZE = 100;
const MAX_PAGES = Math.ceil(MAX_PER_POLL / PAGE_SIZE);
/** The window starts this many days before the newest transaction seen, for late bank postings. */
const OVERLAP_DAYS = 1;

function numericId(record: IDataObject): number | undefined {
	const id = Number(record.id);
	return Number.isFinite(id) ? id : undefined;
}

/**
 * Every transaction of the window from `fromDate`. When pages come newest first (as SePay's list
 * does), reading stops at the first full page with nothing newer than `maxId`.
 */
async function windowRecords(
	context: IPollFunctions,
	fromDate: string,
	maxId: number,
): Promise<IDataObject[]> {
	return await sepayApiRequestAllItems.call(
		context,
		'oAuth2',
		{ method: 'GET', path: '/transactions', qs: { from_date: fromDate } },
		{
			returnAll: true,
			perPage: PAGE_SIZE,
			maxPages: MAX_PAGES,
			// Only a full newest-first page proves the rest is older (SePay's order is UNCONFIRMED: check it).
			lastNeeded: (page) => {
				const first = numericId(page[0]) ?? 0;
				const last = numericId(page[page.length - 1]) ?? 0;
				return (
					page.length >= PAGE_SIZE &&
					first > last &&
					!page.some((record) => (numericId(record) ?? Infinity) > maxId)
				);
			},
		},
	);
}

/**
 * OAuth2 API (no since_id): a date window from a day before the newest transaction seen, and
 * SePay's numeric ids (they only grow) to tell new from seen. Returns new transactions, oldest first.
 */
export async function pollOAuth2(this: IPollFunctions, state: PollState): Promise<IDataObject[]> {
	const today = vietnamDate(Date.now());
	if (!state.initialized) {
		// First activation starts from "now": the highest id of the last day or so, nothing emitted.
		const recent = await windowRecords(this, daysBefore(today, OVERLAP_DAYS), -Infinity);
		state.maxId = recent.reduce((max, record) => Math.max(max, numericId(record) ?? 0), 0);
		state.windowDate = today;
		state.initialized = true;
		return [];
	}

	const maxId = state.maxId ?? 0;
	const from = daysBefore(state.windowDate ?? today, OVERLAP_DAYS);
	const records = await windowRecords(this, from, maxId);
	// Records without a numeric id are all kept: the workflow's memory tells the ones seen before.
	const fresh = records
		.filter((record) => {
			const id = numericId(record);
			return id === undefined || id > maxId;
		})
		.sort((a, b) => (numericId(a) ?? 0) - (numericId(b) ?? 0));
	if (fresh.length === 0) return [];

	state.maxId = fresh.reduce((max, record) => Math.max(max, numericId(record) ?? max), maxId);
	const newestDate = fresh
		.map((record) => datePart(record.transaction_date))
		.filter((date): date is string => date !== undefined)
		.sort()
		.pop();
	if (newestDate && newestDate > (state.windowDate ?? '')) state.windowDate = newestDate;
	return fresh;
}
