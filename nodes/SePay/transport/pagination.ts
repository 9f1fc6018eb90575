import type { IDataObject } from 'n8n-workflow';

/** Hard stop, whatever the server says: 5,000 pages of 100 records. */
export const MAX_PAGES = 5000;

export interface PageOptions {
	returnAll: boolean;
	/** Records wanted when not returning all. */
	limit?: number;
	/** Page size to ask for (SePay's maximum is 100). */
	perPage?: number;
	maxPages?: number;
}

interface Page {
	records: IDataObject[];
	/** false when the server says this was the last page; undefined when it does not say. */
	hasMore?: boolean;
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
		return { records: data as IDataObject[], hasMore: hasMore(pagination, pagination.last_page !== undefined ? 'last_page' : 'page_count') };
	}
	const wrapped = (data ?? {}) as IDataObject;
	const items = Array.isArray(wrapped.items) ? (wrapped.items as IDataObject[]) : [];
	return { records: items, hasMore: hasMore((wrapped.paging ?? {}) as IDataObject, 'page_count') };
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
 */
export async function paginate(
	fetchPage: (page: number, perPage: number) => Promise<IDataObject>,
	options: PageOptions,
): Promise<IDataObject[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, Math.floor(options.limit ?? 50));
	if (wanted === 0) return [];
	// Page size stays fixed across pages: changing it would shift the offsets.
	const perPage = Math.min(options.perPage ?? 100, options.returnAll ? Infinity : wanted, 100);
	const maxPages = options.maxPages ?? MAX_PAGES;
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	for (let page = 1; page <= maxPages && results.length < wanted; page++) {
		const { records, hasMore } = readPage(await fetchPage(page, perPage));
		let fresh = 0;
		for (const record of records) {
			const key = keyOf(record);
			if (seen.has(key)) continue;
			seen.add(key);
			fresh++;
			results.push(record);
			if (results.length >= wanted) break;
		}
		if (records.length === 0 || fresh === 0 || hasMore === false) break;
		if (hasMore === undefined && records.length < perPage) break;
	}
	return results;
}
