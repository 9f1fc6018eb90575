import type { IDataObject } from 'n8n-workflow';

import type { BankingAuthentication } from './credentialTypes';
import { perPageItems, readPages } from './pagination';
import type { PageOptions, Pages } from './pagination';
import { einvoiceApiRequest, sepayApiRequest } from './request';
import type { SePayRequest } from './request';
import type { SePayContext } from './send';

/** Page-size parameter per API: API v2 and eInvoice use per_page, the OAuth2 API uses limit. */
const PAGE_SIZE_PARAM: Record<BankingAuthentication, string> = {
	apiToken: 'per_page',
	oAuth2: 'limit',
};

/** Pages of a banking list endpoint: its records (all, or `limit`), SePay's total, where to go on. */
export async function sepayApiRequestPages(
	this: SePayContext,
	authentication: BankingAuthentication,
	request: SePayRequest,
	options: PageOptions,
): Promise<Pages> {
	return await readPages(
		async (page, perPage) =>
			await sepayApiRequest.call(this, authentication, {
				...request,
				qs: { ...request.qs, page, [PAGE_SIZE_PARAM[authentication]]: perPage },
			}),
		options,
	);
}

/** Every record (or `limit` of them) of a banking list endpoint, page by page. */
export async function sepayApiRequestAllItems(
	this: SePayContext,
	authentication: BankingAuthentication,
	request: SePayRequest,
	options: PageOptions,
): Promise<IDataObject[]> {
	return (await sepayApiRequestPages.call(this, authentication, request, options)).records;
}

/** Every record (or `limit` of them) of an eInvoice list endpoint. */
export async function einvoiceApiRequestAllItems(
	this: SePayContext,
	request: SePayRequest,
	options: PageOptions,
): Promise<IDataObject[]> {
	return await perPageItems(async (r) => await einvoiceApiRequest.call(this, r), request, options);
}
