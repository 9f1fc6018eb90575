import type { IDataObject } from 'n8n-workflow';

import { looseNumber } from '../helpers/looseValues';

/** Hard stop, whatever the server says: 5,000 pages of 100 records. */
export const MAX_PAGES = 5000;

export interface PageOptions {
	returnAll: boolean;
	/** Records wanted when not returning all. */
	limit?: number;
	/** Page size to ask for (SePay's maximum is 100). */
	perPage?: number;
	maxPages?: number;
	/** Page to start from (a list search continues where the user scrolled to). */
	firstPage?: number;
	/** Keep only the records that pass (a filter SePay does not have); paging goes on until `limit` pass. */
	keep?: (record: IDataObject) => boolean;
	/** Stop after this page when it proves the rest is not needed (e.g. older than what was seen). */
	lastNeeded?: (records: IDataObject[]) => boolean;
}

interface Page {
	records: IDataObject[];
	/** false when the server says this was the last page; undefined when it does not say. */
	hasMore?: boolean;
	/** How many records the whole list holds, when SePay says. */
	total?: number;
}

/** What a paged read found: the records, SePay's total when it gave one, and where to go on. */
export interface Pages {
	records: IDataObject[];
	total?: number;
	/** The next page to read, when the list may hold more than was read. */
	nextPage?: number;
}

/**
 * Reads one page of any SePay list envelope:
 * banking `{ data: [...], meta: { pagination: { has_more, current_page, last_page } } }` and
 * eInvoice `{ data: { items: [...], paging: { has_more, current_page, page_count } } }`.
 */
export function readPage(body: IDataObject): Page {
	const data = body.data;
	if (Array.isArray(data)) {
		// API v2 nests it in meta.pagination; the Payment Gateway puts it in meta (page_count).
		const meta = (body.meta ?? {}) as IDataObject;
		const pagination = (meta.pagination ?? meta) as IDataObject;
		const lastPageKey = pagination.last_page !== undefined ? 'last_page' : 'page_count';
		return {
			records: data as IDataObject[],
			hasMore: hasMore(pagination, lastPageKey),
			total: totalOf(pagination),
		};
	}
	const wrapped = (data ?? {}) as IDataObject;
	const items = Array.isArray(wrapped.items) ? (wrapped.items as IDataObject[]) : [];
	const paging = (wrapped.paging ?? {}) as IDataObject;
	return { records: items, hasMore: hasMore(paging, 'page_count'), total: totalOf(paging) };
}

function totalOf(pagination: IDataObject): number | undefined {
	const total = looseNumber(pagination.total);
	return total !== null && total >= 0 ? total : undefined;
}

function hasMore(pagination: IDataObject, lastPageKey: string): boolean | undefined {
	if (typeof pagination.has_more === 'boolean') return pagination.has_more;
	const current = Number(pagination.current_page);
	const last = Number(pagination[lastPageKey]);
	if (Number.isFinite(current) && Number.isFinite(last) && last > 0) return current < last;
	return undefined;
}

/** A record's identity for de-duplication across pages. */
function keyOf(record: IDataObject): string {
	const id = record.id ?? record.reference_code ?? record.tracking_code;
	return id !== undefined && id !== null ? `id:${String(id)}` : `json:${JSON.stringify(record)}`;
}

/**
 * Page-number pagination that stops on has_more false / the last page / an empty page / a page
 * with nothing new / the page cap, returns each record once, and exactly `limit` when not all.
 * Every list, count and search of the nodes reads pages through here.
 */
export async function readPages(
	fetchPage: (page: number, perPage: number) => Promise<IDataObject>,
	options: PageOptions,
): Promise<Pages> {
	const wanted = options.returnAll ? Infinity : Math.max(0, Math.floor(options.limit ?? 50));
	if (wanted === 0) return { records: [] };
	// Page size stays fixed across pages: changing it would shift the offsets. A filter kept
	// here needs full pages whatever the limit.
	const perPage = Math.min(
		options.perPage ?? 100,
		options.returnAll || options.keep ? Infinity : wanted,
		100,
	);
	const firstPage = options.firstPage ?? 1;
	const lastPage = firstPage - 1 + (options.maxPages ?? MAX_PAGES);
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	let total: number | undefined;
	for (let page = firstPage; page <= lastPage && results.length < wanted; page++) {
		const read = readPage(await fetchPage(page, perPage));
		const { records, hasMore } = read;
		total ??= read.total;
		let fresh = 0;
		for (const record of records) {
			const key = keyOf(record);
			if (seen.has(key)) continue;
			seen.add(key);
			fresh++;
			if (options.keep && !options.keep(record)) continue;
			results.push(record);
			if (results.length >= wanted) break;
		}
		const more = hasMore ?? records.length >= perPage;
		if (records.length === 0 || fresh === 0 || !more || options.lastNeeded?.(records)) break;
		if (page === lastPage) return { records: results, total, nextPage: page + 1 };
	}
	return { records: results, total };
}

/** The records of `readPages`, for the lists that need nothing else. */
export async function paginate(
	fetchPage: (page: number, perPage: number) => Promise<IDataObject>,
	options: PageOptions,
): Promise<IDataObject[]> {
	return (await readPages(fetchPage, options)).records;
}

/**
 * Every record (or `limit` of them) of a list endpoint paged with `page` and `per_page` (eInvoice,
 * Payment Gateway), each page fetched by `send` with the request's own query plus those two.
 */
export async function perPageItems<R extends { qs?: IDataObject }>(
	send: (request: R) => Promise<IDataObject>,
	request: R,
	options: PageOptions,
): Promise<IDataObject[]> {
	return await paginate(
		async (page, perPage) =>
			await send({ ...request, qs: { ...request.qs, page, per_page: perPage } }),
		options,
	);
}
