import type { IDataObject } from 'n8n-workflow';

import { paginate, readPage, readPages } from '../../../../nodes/SePay/transport/pagination';

/** A fake list endpoint over `total` records, with the envelope of API v2 or of eInvoice. */
function listEndpoint(total: number, shape: 'banking' | 'einvoice' | 'bare' = 'banking') {
	const calls: Array<{ page: number; perPage: number }> = [];
	const fetchPage = async (page: number, perPage: number): Promise<IDataObject> => {
		calls.push({ page, perPage });
		const records = Array.from(
			{ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) },
			(_, i) => ({
				id: `r${(page - 1) * perPage + i + 1}`,
			}),
		);
		const lastPage = Math.max(1, Math.ceil(total / perPage));
		if (shape === 'einvoice') {
			return {
				data: {
					items: records,
					paging: { current_page: page, page_count: lastPage, has_more: page < lastPage },
				},
			};
		}
		if (shape === 'bare') return { data: records };
		return {
			data: records,
			meta: {
				pagination: { current_page: page, last_page: lastPage, has_more: page < lastPage, total },
			},
		};
	};
	return { calls, fetchPage };
}

describe('paginate', () => {
	it('returns every record once and stops when has_more is false', async () => {
		const api = listEndpoint(250);
		const records = await paginate(api.fetchPage, { returnAll: true });
		expect(records).toHaveLength(250);
		expect(new Set(records.map((r) => r.id)).size).toBe(250);
		expect(api.calls.map((c) => c.page)).toEqual([1, 2, 3]);
		expect(api.calls.every((c) => c.perPage === 100)).toBe(true);
	});

	it('returns exactly Limit records, asking for no bigger page than needed', async () => {
		const api = listEndpoint(250);
		const records = await paginate(api.fetchPage, { returnAll: false, limit: 7 });
		expect(records.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
		expect(api.calls).toEqual([{ page: 1, perPage: 7 }]);
	});

	it('keeps the page size fixed across pages when Limit spans several pages', async () => {
		const api = listEndpoint(1000);
		const records = await paginate(api.fetchPage, { returnAll: false, limit: 150 });
		expect(records).toHaveLength(150);
		expect(api.calls).toEqual([
			{ page: 1, perPage: 100 },
			{ page: 2, perPage: 100 },
		]);
	});

	it('understands the eInvoice envelope (data.items, data.paging)', async () => {
		const api = listEndpoint(45, 'einvoice');
		const records = await paginate(api.fetchPage, { returnAll: true, perPage: 20 });
		expect(records).toHaveLength(45);
		expect(api.calls).toHaveLength(3);
	});

	it('stops on a short page when the server gives no paging information', async () => {
		const api = listEndpoint(130, 'bare');
		const records = await paginate(api.fetchPage, { returnAll: true });
		expect(records).toHaveLength(130);
		expect(api.calls).toHaveLength(2);
	});

	it('stops on an empty page even if the server claims there is more', async () => {
		const calls: number[] = [];
		const records = await paginate(
			async (page) => {
				calls.push(page);
				return { data: page === 1 ? [{ id: 1 }] : [], meta: { pagination: { has_more: true } } };
			},
			{ returnAll: true },
		);
		expect(records).toEqual([{ id: 1 }]);
		expect(calls).toEqual([1, 2]);
	});

	it('never returns a record twice and stops when a page brings nothing new', async () => {
		const calls: number[] = [];
		const records = await paginate(
			async (page) => {
				calls.push(page);
				// A server that ignores `page` and keeps answering the same records.
				return { data: [{ id: 'a' }, { id: 'b' }], meta: { pagination: { has_more: true } } };
			},
			{ returnAll: true, perPage: 2 },
		);
		expect(records).toEqual([{ id: 'a' }, { id: 'b' }]);
		expect(calls).toEqual([1, 2]);
	});

	it('stops at the page cap', async () => {
		let page = 0;
		const records = await paginate(
			async () => {
				page++;
				return { data: [{ id: page }], meta: { pagination: { has_more: true } } };
			},
			{ returnAll: true, perPage: 1, maxPages: 5 },
		);
		expect(records).toHaveLength(5);
	});

	it('treats ids of different types as different records only when they differ as text', () => {
		expect(readPage({ data: [{ id: 1 }] }).records).toEqual([{ id: 1 }]);
	});
});

describe('readPages: the one paginator of every list, count and search', () => {
	it("returns SePay's total with the records (a count reads one page of one record)", async () => {
		const api = listEndpoint(250);
		expect(await readPages(api.fetchPage, { returnAll: false, limit: 1, maxPages: 1 })).toEqual({
			records: [{ id: 'r1' }],
			total: 250,
			nextPage: 2,
		});
		expect(api.calls).toEqual([{ page: 1, perPage: 1 }]);
	});

	it('gives no total when SePay gives none', async () => {
		const api = listEndpoint(5, 'bare');
		expect((await readPages(api.fetchPage, { returnAll: true })).total).toBeUndefined();
	});

	it('continues a search from a page and says where to go on, or that the list ended', async () => {
		const api = listEndpoint(250);
		const middle = await readPages(api.fetchPage, { returnAll: true, firstPage: 2, maxPages: 1 });
		expect(middle.records[0]).toEqual({ id: 'r101' });
		expect(middle.nextPage).toBe(3);
		const last = await readPages(api.fetchPage, { returnAll: true, firstPage: 3, maxPages: 1 });
		expect(last.records).toHaveLength(50);
		expect(last.nextPage).toBeUndefined();
	});

	it('keeps only what passes a filter SePay lacks, reading full pages until Limit pass', async () => {
		const api = listEndpoint(250);
		const even = await readPages(api.fetchPage, {
			returnAll: false,
			limit: 60,
			keep: (record) => Number(String(record.id).slice(1)) % 2 === 0,
		});
		expect(even.records).toHaveLength(60);
		expect(even.records[59]).toEqual({ id: 'r120' });
		expect(api.calls).toEqual([
			{ page: 1, perPage: 100 },
			{ page: 2, perPage: 100 },
		]);
	});

	it('stops after the page the caller says is the last one needed', async () => {
		const api = listEndpoint(1000);
		const read = await readPages(api.fetchPage, {
			returnAll: true,
			lastNeeded: (records) => records.some((r) => r.id === 'r150'),
		});
		expect(read.records).toHaveLength(200);
		expect(api.calls).toHaveLength(2);
	});
});
