/**
 * The bank account list search (resource locator "From List") and the bank account options,
 * run in n8n-core's real LoadOptionsContext with the node's current Authentication.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { getBankAccounts } from '../../nodes/SePay/methods/getBankAccounts';
import { searchBankAccounts } from '../../nodes/SePay/methods/searchBankAccounts';
import { SePay } from '../../nodes/SePay/SePay.node';
import { createAdditionalData } from '../harness/additional-data';
import { buildWorkflow } from '../harness/workflow';
import { startNodeTest } from './setup';
import type { NodeTestContext } from './setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest();
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

function loadOptionsContext(parameters: INodeParameters): LoadOptionsContext {
	const auth = parameters.authentication === 'oAuth2' ? 'sePayOAuth2Api' : 'sePayApi';
	const { workflow, node, store, workflowData } = buildWorkflow({ node: new SePay(), parameters, store: t.store, credentials: [auth] });
	const additionalData = createAdditionalData(store, 'manual', workflowData, { currentNodeParameters: parameters });
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.bankAccount');
}

const base = { resource: 'bankAccount', operation: 'get' };

it('lists accounts with API Token as UUIDs, searching on the server', async () => {
	const all = await searchBankAccounts.call(loadOptionsContext({ ...base, authentication: 'apiToken' }));
	expect(all.results).toHaveLength(t.emu.state.accounts.length);
	expect(all.results.map((r) => r.value).sort()).toEqual(t.emu.state.accounts.map((a) => a.uuid).sort());
	const account = t.emu.state.accounts[0];
	expect(all.results.find((r) => r.value === account.uuid)?.name).toContain(account.accountNumber);
	expect(all.paginationToken).toBeUndefined();

	t.emu.clearRequests();
	const found = await searchBankAccounts.call(loadOptionsContext({ ...base, authentication: 'apiToken' }), account.accountNumber);
	expect(t.apiRequests()[0].query).toEqual({ page: '1', per_page: '100', q: account.accountNumber });
	expect(found.results.map((r) => r.value)).toEqual([account.uuid]);
});

it('lists accounts with OAuth2 as numeric IDs, searching the page itself', async () => {
	const account = t.emu.state.accounts[3];
	const found = await searchBankAccounts.call(loadOptionsContext({ ...base, authentication: 'oAuth2' }), account.bank.short_name);
	expect(t.apiRequests()[0].path).toBe('/api/v1/bank-accounts');
	expect(t.apiRequests()[0].query).toEqual({ page: '1', limit: '100' });
	expect(found.results.map((r) => r.value)).toContain(String(account.id));
	expect(found.results.every((r) => r.name.toLowerCase().includes(account.bank.short_name.toLowerCase()))).toBe(true);
});

it('feeds the webhook bank account multi-select', async () => {
	const options = await getBankAccounts.call(loadOptionsContext({ resource: 'webhook', operation: 'create', authentication: 'oAuth2' }));
	expect(options.map((o) => o.value).sort()).toEqual(t.emu.state.accounts.map((a) => String(a.id)).sort());
});
