/** Page arithmetic shared by the list endpoints. */

export interface PageRequest {
	page: number;
	perPage: number;
}

export interface Pagination {
	total: number;
	per_page: number;
	current_page: number;
	last_page: number;
	has_more: boolean;
}

/** Parses a positive integer query value; undefined when absent, NaN when malformed. */
export function positiveInt(value: string | undefined): number | undefined {
	if (value === undefined || value === '') return undefined;
	return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : NaN;
}

export function pagination(total: number, page: PageRequest): Pagination {
	const lastPage = Math.max(1, Math.ceil(total / page.perPage));
	return {
		total,
		per_page: page.perPage,
		current_page: page.page,
		last_page: lastPage,
		has_more: page.page < lastPage,
	};
}

export function sliceFor<T>(items: T[], page: PageRequest): T[] {
	const start = (page.page - 1) * page.perPage;
	return items.slice(start, start + page.perPage);
}
