/**
 * The bank account list search (resource locator "From List") and the bank account options,
 * run through the harness in n8n-core's LoadOptionsContext with the node's current Authentication.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SePay } from '../../../../nodes/SePay/SePay.node';
import { runListSearch, runLoadOptions } from '../../../../harness';
import { startNodeTest } from '../setup';
import type { NodeTestContext } from '../setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest();
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

/** Runs a method registered on the node, as n8n's editor backend does, with these node parameters. */
function setup(parameters: INodeParameters) {
	const credentials = [parameters.authentication === 'oAuth2' ? 'sePayOAuth2Api' : 'sePayApi'];
	return {
		node: new SePay(),
		parameters,
		store: t.store,
		credentials,
		path: 'parameters.bankAccount',
	};
}

const search = async (parameters: INodeParameters, filter?: string) =>
	await runListSearch({ ...setup(parameters), method: 'searchBankAccounts', filter });

const base = { resource: 'bankAccount', operation: 'get' };

it('lists accounts with API Token as UUIDs, searching on the server', async () => {
	const all = await search({ ...base, authentication: 'apiToken' });
	expect(all.results).toHaveLength(t.emu.state.accounts.length);
	expect(all.results.map((r) => r.value).sort()).toEqual(
		t.emu.state.accounts.map((a) => a.uuid).sort(),
	);
	const account = t.emu.state.accounts[0];
	expect(all.results.find((r) => r.value === account.uuid)?.name).toContain(account.accountNumber);
	expect(all.paginationToken).toBeUndefined();

	t.emu.clearRequests();
	const found = await search({ ...base, authentication: 'apiToken' }, account.accountNumber);
	expect(t.apiRequests()[0].query).toEqual({
		page: '1',
		per_page: '100',
		q: account.accountNumber,
	});
	expect(found.results.map((r) => r.value)).toEqual([account.uuid]);
});

it('lists accounts with OAuth2 as numeric IDs, searching the page itself', async () => {
	const account = t.emu.state.accounts[3];
	const found = await search({ ...base, authentication: 'oAuth2' }, account.bank.short_name);
	expect(t.apiRequests()[0].path).toBe('/api/v1/bank-accounts');
	expect(t.apiRequests()[0].query).toEqual({ page: '1', limit: '100' });
	expect(found.results.map((r) => r.value)).toContain(String(account.id));
	expect(
		found.results.every((r) =>
			r.name.toLowerCase().includes(account.bank.short_name.toLowerCase()),
		),
	).toBe(true);
});

it('feeds the webhook bank account multi-select', async () => {
	const options = await runLoadOptions({
		...setup({
			resource: 'webhook',
			operation: 'create',
			bankMode: 'multi',
			authentication: 'oAuth2',
		}),
		method: 'getBankAccounts',
	});
	expect(options.map((o) => o.value).sort()).toEqual(
		t.emu.state.accounts.map((a) => String(a.id)).sort(),
	);
});
