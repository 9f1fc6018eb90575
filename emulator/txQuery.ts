/**
 * Transaction listing that stays fast at 100k rows: the base array (all, or one account's) is
 * sorted by id and time, so date ranges and since_id are binary searches and an unfiltered page
 * is pure index arithmetic. Only extra filters (amounts, text, …) scan the remaining range.
 */
import type { PageRequest } from './paging';
import { indexAfterId, indexAtTime } from './state';
import type { Transaction } from './types';

export interface TxQuery {
	base: Transaction[];
	fromTime?: number;
	toTime?: number;
	/** Exclusive lower bound on the numeric id (since_id). */
	afterId?: number;
	filter?: (t: Transaction) => boolean;
	order: 'asc' | 'desc';
	/** Custom ordering (amount sorts); forces collecting every match. */
	compare?: (a: Transaction, b: Transaction) => number;
	page: PageRequest;
}

export function runTxQuery(q: TxQuery): { total: number; items: Transaction[] } {
	const { base, page } = q;
	let lo = 0;
	let hi = base.length;
	if (q.fromTime !== undefined) lo = Math.max(lo, indexAtTime(base, q.fromTime));
	if (q.afterId !== undefined) lo = Math.max(lo, indexAfterId(base, q.afterId));
	if (q.toTime !== undefined) hi = Math.min(hi, indexAtTime(base, q.toTime + 1));
	if (hi <= lo) return { total: 0, items: [] };
	const skip = (page.page - 1) * page.perPage;

	if (!q.filter && !q.compare) {
		const total = hi - lo;
		const items: Transaction[] = [];
		for (let k = skip; k < Math.min(total, skip + page.perPage); k++) {
			items.push(q.order === 'asc' ? base[lo + k] : base[hi - 1 - k]);
		}
		return { total, items };
	}

	if (q.compare) {
		const all: Transaction[] = [];
		for (let i = lo; i < hi; i++) if (!q.filter || q.filter(base[i])) all.push(base[i]);
		all.sort(q.compare);
		return { total: all.length, items: all.slice(skip, skip + page.perPage) };
	}

	const filter = q.filter as (t: Transaction) => boolean;
	const items: Transaction[] = [];
	let total = 0;
	const visit = (t: Transaction) => {
		if (!filter(t)) return;
		if (total >= skip && items.length < page.perPage) items.push(t);
		total++;
	};
	if (q.order === 'asc') for (let i = lo; i < hi; i++) visit(base[i]);
	else for (let i = hi - 1; i >= lo; i--) visit(base[i]);
	return { total, items };
}
