import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchBankAccounts } from './searchBankAccounts';

/** Searchable lists for resource locators, one function per list (see the files beside this one). */
export const listSearch: Record<
	string,
	(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	) => Promise<INodeListSearchResult>
> = {
	searchBankAccounts,
};
