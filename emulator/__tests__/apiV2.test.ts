import { startEmulator, type Emulator } from '../index';
import { call, type HttpResult } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, transactions: 750, seed: 5 });
});

afterAll(async () => {
	await emu.close();
});

const get = (path: string): Promise<HttpResult> =>
	call(emu.baseUrl, 'GET', `/v2${path}`, { token: emu.secrets.apiToken });

describe('auth', () => {
	it('401 with SePay error bodies', async () => {
		const none = await call(emu.baseUrl, 'GET', '/v2/transactions');
		expect(none.status).toBe(401);
		expect(none.json).toEqual({
			status: 'error',
			message: 'Missing Authorization header',
			error_code: 'unauthorized',
		});
		const wrong = await call(emu.baseUrl, 'GET', '/v2/transactions', { token: 'x'.repeat(64) });
		expect(wrong.status).toBe(401);
		expect(wrong.json.error_code).toBe('unauthorized');
		const oauth = emu.issueOAuthToken().access_token;
		expect((await call(emu.baseUrl, 'GET', '/v2/transactions', { token: oauth })).status).toBe(401);
	});
});

describe('transactions', () => {
	it('lists newest first with UUID ids, integer money and meta.pagination', async () => {
		const res = await get('/transactions');
		expect(res.status).toBe(200);
		expect(res.json.status).toBe('success');
		expect(res.json.meta.pagination).toEqual({
			total: 750,
			per_page: 20,
			current_page: 1,
			last_page: 38,
			has_more: true,
		});
		expect(res.json.data).toHaveLength(20);
		const t = res.json.data[0];
		expect(t.id).toMatch(UUID);
		expect(t.bank_account_id).toMatch(UUID);
		expect(
			Number.isInteger(t.amount_in) &&
				Number.isInteger(t.amount_out) &&
				Number.isInteger(t.accumulated),
		).toBe(true);
		expect(Object.keys(t).sort()).toEqual(
			[
				'id',
				'transaction_date',
				'account_number',
				'va',
				'transfer_type',
				'amount_in',
				'amount_out',
				'accumulated',
				'transaction_content',
				'reference_number',
				'code',
				'bank_brand_name',
				'bank_account_id',
				'va_id',
				'webhook_success',
			].sort(),
		);
		const dates = res.json.data.map((x: any) => x.transaction_date);
		expect([...dates].sort().reverse()).toEqual(dates);
	});

	it('per_page is capped at 100 and validated', async () => {
		const hundred = await get('/transactions?per_page=100&page=8');
		expect(hundred.json.data).toHaveLength(50);
		expect(hundred.json.meta.pagination).toEqual({
			total: 750,
			per_page: 100,
			current_page: 8,
			last_page: 8,
			has_more: false,
		});
		const tooMany = await get('/transactions?per_page=101');
		expect(tooMany.status).toBe(422);
		expect(tooMany.json).toMatchObject({ status: 'error', error_code: 'validation_error' });
		expect((await get('/transactions?page=0')).status).toBe(422);
		expect((await get('/transactions?page=99')).json.data).toEqual([]);
	});

	it('since_id with ascending sort returns only newer transactions, oldest first (polling recipe)', async () => {
		const all = emu.state.transactions;
		const cursor = all[all.length - 130];
		const collected: any[] = [];
		let page = 1;
		for (;;) {
			const res = await get(
				`/transactions?since_id=${cursor.uuid}&transaction_date_sort=asc&per_page=100&page=${page}`,
			);
			collected.push(...res.json.data);
			if (!res.json.meta.pagination.has_more) break;
			page++;
		}
		expect(collected).toHaveLength(129);
		expect(collected[0].id).toBe(all[all.length - 129].uuid);
		expect(collected[collected.length - 1].id).toBe(all[all.length - 1].uuid);

		const last = collected[collected.length - 1].id;
		expect(
			(await get(`/transactions?since_id=${last}&transaction_date_sort=asc`)).json.data,
		).toEqual([]);
		const sim = emu.simulateTransaction({ amount: 120000, content: 'DH555666 thanh toan' });
		const next = await get(`/transactions?since_id=${last}&transaction_date_sort=asc`);
		expect(next.json.data.map((x: any) => x.id)).toEqual([sim.transaction.uuid]);
		expect(next.json.data[0]).toMatchObject({
			amount_in: 120000,
			code: 'DH555666',
			transfer_type: 'in',
			webhook_success: 0,
		});
	});

	it('rejects a malformed or unknown since_id', async () => {
		const malformed = await get('/transactions?since_id=12345');
		expect(malformed.status).toBe(422);
		expect(malformed.json.errors.since_id).toBeDefined();
		const unknown = await get('/transactions?since_id=00000000-0000-4000-8000-000000000000');
		expect(unknown.status).toBe(422);
	});

	it('filters: transfer_type, amount ranges, account, brand, text, reference, dates, webhook_success', async () => {
		const out = await get('/transactions?transfer_type=out&per_page=100');
		expect(out.json.data.length).toBeGreaterThan(0);
		expect(out.json.data.every((t: any) => t.transfer_type === 'out' && t.amount_in === 0)).toBe(
			true,
		);

		const range = await get(
			'/transactions?amount_in_min=1000000&amount_in_max=2000000&per_page=100',
		);
		expect(range.json.data.length).toBeGreaterThan(0);
		expect(
			range.json.data.every((t: any) => t.amount_in >= 1000000 && t.amount_in <= 2000000),
		).toBe(true);
		const outRange = await get('/transactions?amount_out_min=1&per_page=100');
		expect(outRange.json.meta.pagination.total).toBe(out.json.meta.pagination.total);

		const account = emu.state.accounts[2];
		const byAccount = await get(`/transactions?bank_account_id=${account.uuid}&per_page=100`);
		expect(byAccount.json.data.every((t: any) => t.bank_account_id === account.uuid)).toBe(true);
		const byBrand = await get(`/transactions?bank_brand_name=${account.bank.code}&per_page=100`);
		expect(byBrand.json.meta.pagination.total).toBe(byAccount.json.meta.pagination.total);

		const coded = emu.state.transactions.find((t) => t.code) as {
			code: string;
			uuid: string;
			referenceNumber: string;
		};
		const q = await get(`/transactions?q=${coded.code}`);
		expect(q.json.data.map((t: any) => t.id)).toContain(coded.uuid);
		const content = await get('/transactions?transaction_content=hoc%20phi&per_page=100');
		expect(
			content.json.data.every((t: any) => t.transaction_content.toLowerCase().includes('hoc phi')),
		).toBe(true);
		const ref = await get(
			`/transactions?reference_number=${encodeURIComponent(coded.referenceNumber)}`,
		);
		expect(ref.json.data.map((t: any) => t.id)).toEqual([coded.uuid]);

		const mid = emu.state.transactions[400];
		const dated = await get(
			`/transactions?transaction_date_from=${encodeURIComponent(mid.transactionDate)}&transaction_date_to=${encodeURIComponent(mid.transactionDate)}`,
		);
		expect(dated.json.data.map((t: any) => t.id)).toContain(mid.uuid);
		expect(dated.json.data.every((t: any) => t.transaction_date === mid.transactionDate)).toBe(
			true,
		);
		expect((await get('/transactions?transaction_date_from=yesterday')).status).toBe(422);

		const failed = await get('/transactions?webhook_success=0&per_page=100');
		expect(failed.json.data.every((t: any) => t.webhook_success === 0)).toBe(true);
		expect((await get('/transactions?transfer_type=sideways')).status).toBe(422);
	});

	it('va_id filter, amount sort, fields and iso8601 timestamps', async () => {
		const withVa = emu.state.transactions.find((t) => t.vaId !== null);
		const va = emu.state.vas.find((v) => v.id === withVa?.vaId);
		const byVa = await get(`/transactions?va_id=${va?.uuid}&per_page=100`);
		expect(byVa.json.data.length).toBeGreaterThan(0);
		expect(byVa.json.data.every((t: any) => t.va_id === va?.uuid && t.va === va?.va)).toBe(true);

		const sorted = await get('/transactions?amount_in_sort=asc&transfer_type=in&per_page=50');
		const amounts = sorted.json.data.map((t: any) => t.amount_in);
		expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);

		const picked = await get('/transactions?fields=id,amount_in&per_page=3');
		expect(Object.keys(picked.json.data[0]).sort()).toEqual(['amount_in', 'id']);
		const iso = await get('/transactions?timestamp_format=iso8601&per_page=1');
		expect(iso.json.data[0].transaction_date).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/,
		);
	});

	it('detail by UUID, 404 otherwise (numeric ids do not work on v2)', async () => {
		const tx = emu.state.transactions[5];
		const res = await get(`/transactions/${tx.uuid}`);
		expect(res.json).toEqual({
			status: 'success',
			data: expect.objectContaining({ id: tx.uuid, reference_number: tx.referenceNumber }),
		});
		const numeric = await get(`/transactions/${tx.id}`);
		expect(numeric.status).toBe(404);
		expect(numeric.json).toEqual({
			status: 'error',
			message: 'Transaction not found',
			error_code: 'not_found',
		});
	});
});

describe('bank accounts and VAs', () => {
	it('lists, filters and sorts bank accounts', async () => {
		const res = await get('/bank-accounts');
		expect(res.json.meta.pagination).toMatchObject({ total: 5, has_more: false });
		expect(res.json.data[0]).toMatchObject({
			id: expect.stringMatching(UUID),
			account_number: expect.any(String),
			accumulated: expect.any(Number),
			bank_short_name: 'Vietcombank',
		});
		const acb = await get('/bank-accounts?bank_short_name=ACB');
		expect(acb.json.data.map((a: any) => a.bank_short_name)).toEqual(['ACB']);
		const sorted = await get('/bank-accounts?accumulated_sort=desc');
		const balances = sorted.json.data.map((a: any) => a.accumulated);
		expect([...balances].sort((a, b) => b - a)).toEqual(balances);
		const q = await get('/bank-accounts?q=tran%20thi');
		expect(q.json.data).toHaveLength(1);
		expect((await get('/bank-accounts?per_page=2&page=2')).json.data).toHaveLength(2);
		expect((await get('/bank-accounts?active=yes')).status).toBe(422);
	});

	it('detail and VA list', async () => {
		const bidv = emu.state.accounts.find((a) => a.bank.code === 'BIDV');
		const detail = await get(`/bank-accounts/${bidv?.uuid}`);
		expect(detail.json.data.bank_code).toBe('BIDV');
		const vas = await get(`/bank-accounts/${bidv?.uuid}/va`);
		expect(vas.json.meta.pagination.total).toBe(3);
		expect(vas.json.data[0]).toEqual({
			id: expect.stringMatching(UUID),
			va: expect.stringMatching(/^96247\d{5}$/),
			sub_holder_name: expect.any(String),
			label: expect.any(String),
			active: expect.any(Number),
			official: 1,
			static: 1,
			bank_account_id: bidv?.uuid,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		expect((await get(`/bank-accounts/${bidv?.uuid}/va?active=1`)).json.meta.pagination.total).toBe(
			2,
		);
		expect((await get('/bank-accounts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
		expect((await get('/bank-accounts/00000000-0000-4000-8000-000000000000/va')).status).toBe(404);
	});
});

describe('100k transactions', () => {
	it('serves first, deep and since_id pages correctly at 100k rows', async () => {
		const big = await startEmulator({ port: 0, transactions: 100_000, seed: 9 });
		try {
			const h = { token: big.secrets.apiToken };
			const first = await call(big.baseUrl, 'GET', '/v2/transactions?per_page=100', h);
			expect(first.json.meta.pagination).toMatchObject({ total: 100_000, last_page: 1000 });
			const deep = await call(
				big.baseUrl,
				'GET',
				'/v2/transactions?per_page=100&page=1000&transaction_date_sort=asc',
				h,
			);
			expect(deep.json.data[99].id).toBe(big.state.transactions[99_999].uuid);
			const cursor = big.state.transactions[99_950].uuid;
			const since = await call(
				big.baseUrl,
				'GET',
				`/v2/transactions?since_id=${cursor}&transaction_date_sort=asc&per_page=100`,
				h,
			);
			expect(since.json.data).toHaveLength(49);
			const filtered = await call(
				big.baseUrl,
				'GET',
				'/v2/transactions?transfer_type=out&per_page=100&page=50',
				h,
			);
			expect(filtered.json.data.every((t: any) => t.transfer_type === 'out')).toBe(true);
		} finally {
			await big.close();
		}
	});
});
