/** Transaction → Get, Get Many, Count under both authentications, over HTTP to the emulator. */
import { simplifyTransaction } from '../../../../../nodes/SePay/transactions/simplify';
import { SePay } from '../../../../../nodes/SePay/SePay.node';
import { AUTHS, jsonOf, startNodeTest, UUID } from '../../setup';
import type { NodeTestContext } from '../../setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest({ transactions: 300 });
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

const SIMPLE_KEYS = [
	'id',
	'date',
	'bankAccountNumber',
	'bank',
	'direction',
	'amount',
	'balance',
	'content',
	'paymentCode',
	'reference',
	'subAccount',
];

describe('Get Many', () => {
	it.each(AUTHS)('returns simplified transactions with %s, newest first', async (auth) => {
		const result = await t.run(auth, { resource: 'transaction', operation: 'getAll', limit: 5 });
		const items = jsonOf(result);
		expect(items).toHaveLength(5);
		for (const item of items) {
			expect(Object.keys(item).sort()).toEqual([...SIMPLE_KEYS].sort());
			expect(typeof item.amount).toBe('number');
			expect(typeof item.balance).toBe('number');
			expect(['in', 'out']).toContain(item.direction);
		}
		const newest = t.emu.state.transactions[t.emu.state.transactions.length - 1];
		expect(items[0].id).toBe(auth === 'apiToken' ? newest.uuid : newest.id);
		expect(items[0].date).toBe(newest.transactionDate);
		const [request] = t.apiRequests();
		expect(request.path).toBe(auth === 'apiToken' ? '/v2/transactions' : '/api/v1/transactions');
		expect(request.query).toEqual(
			auth === 'apiToken'
				? { transaction_date_sort: 'desc', page: '1', per_page: '5' }
				: { page: '1', limit: '5' },
		);
		expect(result.output[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it('gives the same simplified record whichever API (or a webhook) delivered it', async () => {
		const tx = t.emu.state.transactions[10];
		const v2 = jsonOf(
			await t.run('apiToken', {
				resource: 'transaction',
				operation: 'get',
				transactionId: tx.uuid,
			}),
		)[0];
		const v1 = jsonOf(
			await t.run('oAuth2', {
				resource: 'transaction',
				operation: 'get',
				transactionId: String(tx.id),
			}),
		)[0];
		const account = t.emu.state.findAccount(tx.bankAccountId);
		const webhook = simplifyTransaction({
			id: tx.id,
			gateway: account?.bank.short_name,
			transactionDate: tx.transactionDate,
			accountNumber: account?.accountNumber,
			subAccount: tx.subAccount,
			code: tx.code,
			content: tx.content,
			transferType: tx.transferType,
			description: tx.description,
			transferAmount: tx.amount,
			accumulated: tx.accumulated,
			referenceCode: tx.referenceNumber,
		});
		expect({ ...v2, id: null }).toEqual({ ...v1, id: null });
		expect(v1).toEqual(webhook);
		expect(v2.id).toBe(tx.uuid);
		expect(v1.amount).toBe(tx.amount);
	});

	it.each(AUTHS)('returns SePay records untouched with Simplify off (%s)', async (auth) => {
		const result = await t.run(auth, {
			resource: 'transaction',
			operation: 'getAll',
			limit: 2,
			simplify: false,
		});
		const [first] = jsonOf(result);
		expect(first).toHaveProperty('amount_in');
		expect(first).toHaveProperty('transaction_content');
		expect(first).toHaveProperty('reference_number');
		expect(first).not.toHaveProperty('direction');
	});

	it('sends every API v2 filter in SePay form', async () => {
		const account = t.emu.state.accounts[0];
		const since = t.emu.state.transactions[5];
		await t.run('apiToken', {
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			sort: 'transaction_date_sort:asc',
			filters: {
				bankAccount: { __rl: true, mode: 'list', value: account.uuid },
				dateFrom: '2026-01-01T00:00:00Z',
				dateTo: '2026-11-20',
				amountIn: 750000,
				amountOutMin: 0,
				amountOutMax: '1000000',
				transferType: 'in',
				referenceNumber: ' FT123 ',
				search: 'DH168332',
				content: 'hoa don',
				bankBrandName: 'BIDV',
				virtualAccountId: 'A2B3C4D5-E6F7-8901-BCDE-F12345678901',
				webhookDelivered: '0',
				sinceId: since.uuid,
			},
		});
		expect(t.apiRequests()[0].query).toEqual({
			bank_account_id: account.uuid,
			transaction_date_from: '2026-01-01 07:00:00',
			transaction_date_to: '2026-11-20 23:59:59',
			amount_in_min: '750000',
			amount_in_max: '750000',
			amount_out_min: '0',
			amount_out_max: '1000000',
			transfer_type: 'in',
			reference_number: 'FT123',
			q: 'DH168332',
			transaction_content: 'hoa don',
			bank_brand_name: 'BIDV',
			va_id: 'a2b3c4d5-e6f7-8901-bcde-f12345678901',
			webhook_success: '0',
			since_id: since.uuid,
			transaction_date_sort: 'asc',
			page: '1',
			per_page: '100',
		});
	});

	it('sends the OAuth2 API filters in its form (dates as days, exact amounts, account number)', async () => {
		const account = t.emu.state.accounts[1];
		const result = await t.run('oAuth2', {
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			filters: {
				bankAccount: { __rl: true, mode: 'accountNumber', value: account.accountNumber },
				dateFrom: '2026-11-01 08:30:00',
				dateTo: '2026-11-19T20:00:00.000Z',
				amountIn: '500,000',
				referenceNumber: 'X1',
			},
		});
		expect(t.apiRequests()).toHaveLength(1);
		expect(t.apiRequests()[0].query).toEqual({
			account_number: account.accountNumber,
			from_date: '2026-11-01',
			to_date: '2026-11-20',
			amount_in: '500000',
			reference_number: 'X1',
			page: '1',
			limit: '100',
		});
		expect(jsonOf(result)).toEqual([]);
	});

	it('filters by bank account and date for real: only matching transactions come back', async () => {
		const account = t.emu.state.accounts[0];
		const result = await t.run('oAuth2', {
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			filters: {
				bankAccount: { __rl: true, mode: 'id', value: String(account.id) },
				dateFrom: '2026-11-10',
				dateTo: '2026-11-15',
			},
		});
		const expected = t.emu.state.transactions.filter(
			(tx) =>
				tx.bankAccountId === account.id &&
				tx.transactionDate >= '2026-11-10' &&
				tx.transactionDate <= '2026-11-15 23:59:59',
		);
		expect(
			jsonOf(result)
				.map((item) => item.id)
				.sort(),
		).toEqual(expected.map((tx) => tx.id).sort());
	});

	it('offers API-v2-only filters with API Token only; n8n drops them under OAuth2', async () => {
		const filters = new SePay().description.properties.find(
			(p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes('transaction'),
		);
		const oAuth2Filters = (filters?.options ?? [])
			.filter((o) => !('displayOptions' in o) || !o.displayOptions?.show?.['/authentication'])
			.map((o) => o.name)
			.sort();
		expect(oAuth2Filters).toEqual([
			'amountIn',
			'amountOut',
			'bankAccount',
			'dateFrom',
			'dateTo',
			'referenceNumber',
		]);
		await t.run('oAuth2', {
			resource: 'transaction',
			operation: 'getAll',
			limit: 1,
			filters: { search: 'DH1', referenceNumber: 'R' },
		});
		expect(t.apiRequests()[0].query).toEqual({ reference_number: 'R', page: '1', limit: '1' });
	});

	it.each([
		[{ dateFrom: '2026-13-01' }, /Filters → Date From/],
		[{ dateFrom: 'yesterday' }, /Filters → Date From/],
		[{ dateFrom: '2026-11-10', dateTo: '2026-11-09' }, /Filters → Date To/],
		[{ amountIn: 1.5 }, /Filters → Amount In/],
		[{ amountOutMin: -3 }, /Filters → Amount Out Min/],
		[{ amountInMin: 10, amountInMax: 5 }, /Filters → Amount In Max/],
		[{ sinceId: '12345' }, /Filters → Since ID/],
	])('validates %j before any request', async (filters, message) => {
		await expect(
			t.run('apiToken', { resource: 'transaction', operation: 'getAll', filters }),
		).rejects.toThrow(message);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('explains the expected date form', async () => {
		await expect(
			t.run('apiToken', {
				resource: 'transaction',
				operation: 'getAll',
				filters: { dateTo: '20/11/2026' },
			}),
		).rejects.toMatchObject({ description: expect.stringMatching(/YYYY-MM-DD/) });
	});
});

describe('Get', () => {
	it.each(AUTHS)('gets one transaction by ID with %s', async (auth) => {
		const tx = t.emu.state.transactions[42];
		const id = auth === 'apiToken' ? tx.uuid : String(tx.id);
		const result = await t.run(auth, {
			resource: 'transaction',
			operation: 'get',
			transactionId: id,
			simplify: false,
		});
		const requests = t.apiRequests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${auth === 'apiToken' ? '/v2' : '/api/v1'}/transactions/${id}`,
		]);
		expect(String(jsonOf(result)[0].id)).toBe(id);
		expect(jsonOf(result)[0].reference_number).toBe(tx.referenceNumber);
	});

	it('rejects a numeric ID with API Token and a UUID with OAuth2', async () => {
		const tx = t.emu.state.transactions[0];
		await expect(
			t.run('apiToken', {
				resource: 'transaction',
				operation: 'get',
				transactionId: String(tx.id),
			}),
		).rejects.toMatchObject({
			description: expect.stringMatching(/OAuth2/),
		});
		await expect(
			t.run('oAuth2', { resource: 'transaction', operation: 'get', transactionId: tx.uuid }),
		).rejects.toMatchObject({
			description: expect.stringMatching(/API Token/),
		});
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('gives one output item per input item and an error item per failing one under Continue On Fail', async () => {
		const [a, b] = t.emu.state.transactions;
		const result = await t.run(
			'apiToken',
			{ resource: 'transaction', operation: 'get', transactionId: '={{ $json.id }}' },
			{
				items: [
					{ json: { id: a.uuid } },
					{ json: { id: 'not-an-id' } },
					{ json: { id: '00000000-0000-4000-8000-000000000000' } },
					{ json: { id: b.uuid } },
				],
				continueOnFail: true,
			},
		);
		const output = result.output[0];
		expect(output).toHaveLength(4);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output[0].json.id).toBe(a.uuid);
		expect(String(output[1].json.error)).toMatch(/Transaction ID/);
		expect(String(output[2].json.error)).toMatch(/404/);
		expect(output[3].json.id).toBe(b.uuid);
	});
});

describe('Count', () => {
	it.each(AUTHS)('counts every transaction with %s from one small page', async (auth) => {
		const result = await t.run(auth, { resource: 'transaction', operation: 'count' });
		expect(jsonOf(result)).toEqual([{ count: t.emu.state.transactions.length }]);
		const [request] = t.apiRequests();
		expect(t.apiRequests()).toHaveLength(1);
		expect(request.query).toEqual(
			auth === 'apiToken' ? { page: '1', per_page: '1' } : { page: '1', limit: '1' },
		);
	});

	it('counts with filters', async () => {
		const result = await t.run('apiToken', {
			resource: 'transaction',
			operation: 'count',
			filters: { transferType: 'out' },
		});
		expect(jsonOf(result)).toEqual([
			{ count: t.emu.state.transactions.filter((tx) => tx.transferType === 'out').length },
		]);
		expect(t.apiRequests()[0].query.transfer_type).toBe('out');
	});
});

it('has UUID ids on API v2 output', async () => {
	const [first] = jsonOf(
		await t.run('apiToken', { resource: 'transaction', operation: 'getAll', limit: 1 }),
	);
	expect(first.id).toMatch(UUID);
});
