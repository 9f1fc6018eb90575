import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { einvoiceApiRequestAllItems } from '../transport';

/** "matbao · 0aea3134-…" plus a mark on inactive accounts, which SePay will not invoice with. */
function optionOf(account: IDataObject): INodePropertyOptions {
	const id = String(account.id ?? '');
	const provider = String(account.provider ?? '').trim() || 'provider';
	const approved = account.tax_authority_approved_date
		? `approved ${String(account.tax_authority_approved_date)}`
		: 'approval date unknown';
	return {
		name: `${provider} · ${id}${account.active === false ? ' (inactive)' : ''}`,
		value: id,
		description:
			account.active === false
				? 'Inactive: SePay does not issue invoices with it'
				: `Active, ${approved}`,
	};
}

/** eInvoice provider accounts, active ones first (GET /v1/provider-accounts, every page). */
export async function getProviderAccounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const accounts = await einvoiceApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/provider-accounts' },
		{ returnAll: true, perPage: 100 },
	);
	const active = accounts.filter((account) => account.active !== false);
	const inactive = accounts.filter((account) => account.active === false);
	return [...active, ...inactive].filter((account) => account.id).map(optionOf);
}
