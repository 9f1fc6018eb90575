/** Bank Account → Get, Get Many, Get Many Virtual Accounts under both authentications, over HTTP to the emulator. */
import { AUTHS, jsonOf, startNodeTest, UUID } from '../../setup';
import type { NodeTestContext } from '../../setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest();
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

const idOf = (auth: string, index = 0) => {
	const account = t.emu.state.accounts[index];
	return auth === 'apiToken' ? account.uuid : String(account.id);
};

describe('Get Many', () => {
	it.each(AUTHS)(
		'lists every account with %s, one item each, SePay records untouched',
		async (auth) => {
			const result = await t.run(auth, {
				resource: 'bankAccount',
				operation: 'getAll',
				returnAll: true,
			});
			const accounts = jsonOf(result);
			expect(accounts).toHaveLength(t.emu.state.accounts.length);
			const [request] = t.apiRequests();
			expect(request.method).toBe('GET');
			if (auth === 'apiToken') {
				expect(request.path).toBe('/v2/bank-accounts');
				expect(request.query).toEqual({ page: '1', per_page: '100' });
				expect(accounts[0].id).toMatch(UUID);
			} else {
				expect(request.path).toBe('/api/v1/bank-accounts');
				expect(request.query).toEqual({ page: '1', limit: '100' });
				expect(typeof accounts[0].id).toBe('number');
				expect(typeof accounts[0].accumulated).toBe('number');
			}
			expect(result.output[0].map((item) => item.pairedItem)).toEqual(
				accounts.map(() => ({ item: 0 })),
			);
		},
	);

	it('sends API v2 filters as SePay names them', async () => {
		const result = await t.run('apiToken', {
			resource: 'bankAccount',
			operation: 'getAll',
			limit: 2,
			filters: {
				search: ' 0071 ',
				bank: 'Vietcombank',
				active: '1',
				balanceMin: 1000,
				balanceMax: '5,000,000,000',
				lastTransactionFrom: '2026-01-01',
				lastTransactionTo: '2026-11-20T10:00:00+07:00',
				sort: 'accumulated_sort:desc',
			},
		});
		expect(t.apiRequests()[0].query).toEqual({
			q: '0071',
			bank_short_name: 'Vietcombank',
			active: '1',
			accumulated_min: '1000',
			accumulated_max: '5000000000',
			last_transaction_from: '2026-01-01 00:00:00',
			last_transaction_to: '2026-11-20 10:00:00',
			accumulated_sort: 'desc',
			page: '1',
			per_page: '2',
		});
		for (const account of jsonOf(result)) expect(String(account.account_number)).toContain('0071');
	});

	it('honours Limit exactly', async () => {
		const result = await t.run('oAuth2', {
			resource: 'bankAccount',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(jsonOf(result)).toHaveLength(2);
		expect(t.apiRequests()[0].query).toEqual({ page: '1', limit: '2' });
	});

	it('refuses a bad balance before any request, naming the field', async () => {
		await expect(
			t.run('apiToken', {
				resource: 'bankAccount',
				operation: 'getAll',
				filters: { balanceMin: -1 },
			}),
		).rejects.toThrow(/Filters → Balance Min/);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Get', () => {
	it.each(AUTHS)('gets one account by ID with %s', async (auth) => {
		const id = idOf(auth, 1);
		const result = await t.run(auth, {
			resource: 'bankAccount',
			operation: 'get',
			bankAccount: { __rl: true, mode: 'list', value: id },
		});
		const requests = t.apiRequests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${auth === 'apiToken' ? '/v2' : '/api/v1'}/bank-accounts/${id}`,
		]);
		expect(jsonOf(result)).toHaveLength(1);
		expect(String(jsonOf(result)[0].id)).toBe(id);
	});

	it.each(AUTHS)('finds an account by account number with %s', async (auth) => {
		const account = t.emu.state.accounts[2];
		const result = await t.run(auth, {
			resource: 'bankAccount',
			operation: 'get',
			bankAccount: { __rl: true, mode: 'accountNumber', value: account.accountNumber },
		});
		expect(jsonOf(result)[0].account_number).toBe(account.accountNumber);
		const [lookup, get] = t.apiRequests();
		expect(lookup.path).toMatch(/\/bank-accounts$/);
		if (auth === 'apiToken') expect(lookup.query.q).toBe(account.accountNumber);
		expect(get.path).toMatch(
			new RegExp(`/bank-accounts/${auth === 'apiToken' ? account.uuid : account.id}$`),
		);
	});

	it('says which API an ID belongs to when it does not fit the Authentication', async () => {
		await expect(
			t.run('apiToken', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: { __rl: true, mode: 'id', value: '19' },
			}),
		).rejects.toThrow(/Bank Account/);
		await expect(
			t.run('oAuth2', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: { __rl: true, mode: 'id', value: t.emu.state.accounts[0].uuid },
			}),
		).rejects.toMatchObject({ description: expect.stringMatching(/UUID belongs to API v2/) });
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('reports an unknown account number clearly', async () => {
		await expect(
			t.run('apiToken', {
				resource: 'bankAccount',
				operation: 'get',
				bankAccount: { __rl: true, mode: 'accountNumber', value: '999999999' },
			}),
		).rejects.toThrow(/Bank Account/);
	});
});

describe('Get Many Virtual Accounts', () => {
	it.each(AUTHS)('lists the VAs of an account with %s', async (auth) => {
		const account = t.emu.state.accounts.find((a) => t.emu.state.vasOf(a.id).length > 0);
		if (!account) throw new Error('The emulator seeds no account with virtual accounts');
		const id = auth === 'apiToken' ? account.uuid : String(account.id);
		const result = await t.run(auth, {
			resource: 'bankAccount',
			operation: 'getVirtualAccounts',
			bankAccount: { __rl: true, mode: 'id', value: id },
			returnAll: true,
		});
		const [request] = t.apiRequests();
		expect(request.path).toBe(
			auth === 'apiToken'
				? `/v2/bank-accounts/${id}/va`
				: `/api/v1/bank-accounts/${id}/sub-accounts`,
		);
		expect(jsonOf(result)).toHaveLength(t.emu.state.vasOf(account.id).length);
	});

	it('sends the API v2 VA filters', async () => {
		const account = t.emu.state.accounts[0];
		await t.run('apiToken', {
			resource: 'bankAccount',
			operation: 'getVirtualAccounts',
			bankAccount: { __rl: true, mode: 'id', value: account.uuid },
			limit: 5,
			filters: { search: 'VA', active: '1', official: '0', static: '1', sort: 'asc' },
		});
		expect(t.apiRequests()[0].query).toEqual({
			q: 'VA',
			active: '1',
			official: '0',
			static: '1',
			created_at_sort: 'asc',
			page: '1',
			per_page: '5',
		});
	});
});
