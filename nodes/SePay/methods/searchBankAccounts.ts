import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { sepayApiRequestPages } from '../transport';
import type { BankingAuthentication } from '../transport';

const PAGE_SIZE = 100;

function bankName(account: IDataObject): string {
	const bank = (account.bank ?? {}) as IDataObject;
	return String(account.bank_short_name ?? bank.short_name ?? bank.code ?? '').trim();
}

/** "Vietcombank 0071000888888 · Cty Demo" — what a user recognises an account by. */
function labelOf(account: IDataObject): string {
	const who = String(account.label ?? account.account_holder_name ?? '').trim();
	return [bankName(account), String(account.account_number ?? ''), who ? `· ${who}` : '']
		.filter(Boolean)
		.join(' ');
}

/**
 * Bank accounts for the resource locator, through the node's current Authentication (so the
 * values are UUIDs with API Token and numeric IDs with OAuth2). API v2 searches on the server
 * (`q`: name, label, number); the OAuth2 API has no search, so the page is filtered here.
 */
export async function searchBankAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const authentication = (this.getCurrentNodeParameter('authentication') ??
		'apiToken') as BankingAuthentication;
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const search = (filter ?? '').trim();
	const qs: IDataObject = authentication === 'apiToken' && search ? { q: search } : {};
	const { records, nextPage } = await sepayApiRequestPages.call(
		this,
		authentication,
		{ method: 'GET', path: '/bank-accounts', qs },
		{ returnAll: true, perPage: PAGE_SIZE, firstPage: page, maxPages: 1 },
	);
	const needle = search.toLowerCase();
	const results = records
		.map((account) => ({ name: labelOf(account), value: String(account.id) }))
		.filter(
			(result) =>
				authentication === 'apiToken' || !needle || result.name.toLowerCase().includes(needle),
		);
	return { results, paginationToken: nextPage !== undefined ? String(nextPage) : undefined };
}
