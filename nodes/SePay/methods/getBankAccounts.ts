import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { searchBankAccounts } from './searchBankAccounts';

/** Bank accounts as options (for multi-selects such as a webhook's accounts), all pages. */
export async function getBankAccounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	// Companies have a handful of accounts; the cap only guards against a server that never ends.
	for (let page = 0; page < 50; page++) {
		const { results, paginationToken } = await searchBankAccounts.call(this, undefined, token);
		for (const result of results) options.push({ name: result.name, value: String(result.value) });
		if (!paginationToken) break;
		token = String(paginationToken);
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
