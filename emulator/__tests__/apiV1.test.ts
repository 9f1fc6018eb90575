import { startEmulator, type Emulator } from '../index';
import { call, type HttpResult } from './helpers';

let emu: Emulator;
let token: string;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, transactions: 600, seed: 3 });
	token = emu.issueOAuthToken().access_token;
});

afterAll(async () => {
	await emu.close();
});

const get = (path: string, t = token): Promise<HttpResult> =>
	call(emu.baseUrl, 'GET', `/api/v1${path}`, { token: t });

describe('bank accounts', () => {
	it('lists the seeded accounts at different banks with the pagination meta', async () => {
		const res = await get('/bank-accounts');
		expect(res.status).toBe(200);
		expect(res.json.status).toBe('success');
		expect(res.json.meta.pagination).toEqual({
			total: 5,
			per_page: 20,
			current_page: 1,
			last_page: 1,
		});
		const banks = new Set(res.json.data.map((a: any) => a.bank.short_name));
		expect(banks.size).toBe(5);
		expect(res.json.data[0]).toEqual({
			id: expect.any(Number),
			label: expect.anything(),
			account_holder_name: expect.any(String),
			account_number: expect.stringMatching(/^\d+$/),
			accumulated: expect.any(Number),
			active: true,
			created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			bank: {
				short_name: 'Vietcombank',
				full_name: expect.any(String),
				code: 'VCB',
				bin: '970436',
				icon_url: expect.any(String),
				logo_url: expect.any(String),
			},
		});
	});

	it('paginates with page and limit', async () => {
		const res = await get('/bank-accounts?limit=2&page=3');
		expect(res.json.data).toHaveLength(1);
		expect(res.json.meta.pagination).toEqual({
			total: 5,
			per_page: 2,
			current_page: 3,
			last_page: 3,
		});
		expect((await get('/bank-accounts?limit=abc')).status).toBe(400);
	});

	it('returns detail, sub-accounts and 404', async () => {
		const id = emu.state.accounts[3].id;
		const detail = await get(`/bank-accounts/${id}`);
		expect(detail.json.data.id).toBe(id);
		const subs = await get(`/bank-accounts/${id}/sub-accounts`);
		expect(subs.status).toBe(200);
		expect(subs.json.data.length).toBeGreaterThan(0);
		expect(subs.json.data[0]).toMatchObject({
			id: expect.any(Number),
			account_number: expect.any(String),
			label: expect.any(String),
		});
		const missing = await get('/bank-accounts/99999');
		expect(missing.status).toBe(404);
		expect(missing.json).toMatchObject({ status: 'error', error: 'not_found' });
		expect((await get('/bank-accounts/99999/sub-accounts')).status).toBe(404);
	});
});

describe('transactions', () => {
	it('lists newest first, 20 per page by default, with the v1 shape', async () => {
		const res = await get('/transactions');
		expect(res.status).toBe(200);
		expect(res.json.data).toHaveLength(20);
		expect(res.json.meta.pagination).toEqual({
			total: 600,
			per_page: 20,
			current_page: 1,
			last_page: 30,
		});
		const ids = res.json.data.map((t: any) => t.id);
		expect([...ids].sort((a, b) => b - a)).toEqual(ids);
		const t = res.json.data[0];
		expect(Object.keys(t).sort()).toEqual(
			[
				'id',
				'bank_account_id',
				'bank_brand_name',
				'account_number',
				'transaction_date',
				'amount_out',
				'amount_in',
				'accumulated',
				'transaction_content',
				'reference_number',
				'code',
				'sub_account',
			].sort(),
		);
		expect(typeof t.amount_in).toBe('number');
		expect(t.amount_in === 0 || t.amount_out === 0).toBe(true);
	});

	it('walks every page without gaps or repeats', async () => {
		const seen: number[] = [];
		for (let page = 1; page <= 6; page++) {
			const res = await get(`/transactions?limit=100&page=${page}`);
			seen.push(...res.json.data.map((t: any) => t.id));
		}
		expect(seen).toHaveLength(600);
		expect(new Set(seen).size).toBe(600);
		expect((await get('/transactions?limit=100&page=7')).json.data).toEqual([]);
	});

	it('filters by bank_account_id, account_number, amounts and reference', async () => {
		const account = emu.state.accounts[1];
		const byId = await get(`/transactions?bank_account_id=${account.id}&limit=100`);
		expect(byId.json.data.length).toBeGreaterThan(0);
		expect(byId.json.data.every((t: any) => t.bank_account_id === account.id)).toBe(true);
		const byNumber = await get(`/transactions?account_number=${account.accountNumber}&limit=100`);
		expect(byNumber.json.meta.pagination.total).toBe(byId.json.meta.pagination.total);

		const sample = byId.json.data.find((t: any) => t.amount_in > 0);
		const amountIn = await get(`/transactions?amount_in=${sample.amount_in}&limit=100`);
		expect(amountIn.json.data.length).toBeGreaterThan(0);
		expect(amountIn.json.data.every((t: any) => t.amount_in === sample.amount_in)).toBe(true);
		const out = (await get('/transactions?limit=100')).json.data.find((t: any) => t.amount_out > 0);
		const amountOut = await get(`/transactions?amount_out=${out.amount_out}&limit=100`);
		expect(amountOut.json.data.every((t: any) => t.amount_out === out.amount_out)).toBe(true);

		const ref = await get(
			`/transactions?reference_number=${encodeURIComponent(sample.reference_number)}`,
		);
		expect(ref.json.data.map((t: any) => t.id)).toEqual([sample.id]);
	});

	it('filters by from_date and to_date (inclusive days, Vietnam time)', async () => {
		const all = emu.state.transactions;
		const day = all[300].transactionDate.slice(0, 10);
		const res = await get(`/transactions?from_date=${day}&to_date=${day}&limit=100`);
		const expected = all.filter((t) => t.transactionDate.startsWith(day)).length;
		expect(expected).toBeGreaterThan(0);
		expect(res.json.meta.pagination.total).toBe(expected);
		expect(res.json.data.every((t: any) => t.transaction_date.startsWith(day))).toBe(true);
		const bad = await get('/transactions?from_date=23-11-2026');
		expect(bad.status).toBe(400);
		expect(bad.json.errors.from_date).toBeDefined();
	});

	it('returns a transaction by numeric id (same id as the webhook payload)', async () => {
		const tx = emu.state.transactions[10];
		const res = await get(`/transactions/${tx.id}`);
		expect(res.json.data.id).toBe(tx.id);
		expect((await get('/transactions/1')).status).toBe(404);
	});
});

describe('scopes and auth', () => {
	it('401 without or with a bad token', async () => {
		const none = await call(emu.baseUrl, 'GET', '/api/v1/bank-accounts');
		expect(none.status).toBe(401);
		expect(none.json).toMatchObject({ status: 'error', error: 'unauthorized' });
		expect((await get('/bank-accounts', 'garbage')).status).toBe(401);
		expect((await get('/bank-accounts', emu.secrets.apiToken)).status).toBe(401);
	});

	it('403 with the missing scope named', async () => {
		const readOnly = emu.issueOAuthToken({ scopes: 'webhook:read profile' }).access_token;
		const res = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', {
			token: readOnly,
			json: {
				bank_account_id: 0,
				name: 'x',
				event_type: 'All',
				authen_type: 'No_Authen',
				webhook_url: 'http://127.0.0.1:1/x',
			},
		});
		expect(res.status).toBe(403);
		expect(res.json).toMatchObject({
			status: 'error',
			error: 'forbidden',
			required_scope: 'webhook:write',
		});
		expect((await get('/transactions', readOnly)).json.required_scope).toBe('transaction:read');
		expect((await get('/bank-accounts', readOnly)).status).toBe(403);
		expect((await get('/company', readOnly)).status).toBe(403);
		expect((await get('/webhooks', readOnly)).status).toBe(200);
		expect(
			(await call(emu.baseUrl, 'DELETE', '/api/v1/webhooks/1', { token: readOnly })).json
				.required_scope,
		).toBe('webhook:delete');
	});
});

describe('webhooks', () => {
	const valid = () => ({
		bank_account_id: emu.state.accounts[0].id,
		name: '[n8n] SePay trigger',
		event_type: 'In_only',
		authen_type: 'Api_Key',
		api_key: 'k_1234567890abcdef',
		request_content_type: 'Json',
		webhook_url: 'http://127.0.0.1:5678/webhook/abc',
		is_verify_payment: 1,
		skip_if_no_code: 0,
		only_va: 0,
		active: 1,
	});

	it('creates, reads (masked), lists, updates and deletes', async () => {
		const created = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', { token, json: valid() });
		expect(created.status).toBe(201);
		expect(created.json).toEqual({
			status: 'success',
			message: expect.any(String),
			data: { id: expect.any(Number) },
		});
		const id = created.json.data.id;

		const got = await get(`/webhooks/${id}`);
		expect(got.json.data).toMatchObject({
			id,
			name: '[n8n] SePay trigger',
			event_type: 'In_only',
			authen_type: 'Api_Key',
			is_verify_payment: true,
			active: true,
			webhook_url: 'http://127.0.0.1:5678/webhook/abc',
		});
		expect(got.json.data.api_key).toMatch(/^\*+cdef$/);

		const listed = await get('/webhooks?webhook_url=5678/webhook&active=1');
		expect(listed.json.data.map((w: any) => w.id)).toContain(id);
		expect(
			(await get('/webhooks?api_key=k_1234567890abcdef')).json.data.map((w: any) => w.id),
		).toEqual([id]);
		expect((await get('/webhooks?active=0')).json.data.map((w: any) => w.id)).not.toContain(id);

		const patched = await call(emu.baseUrl, 'PATCH', `/api/v1/webhooks/${id}`, {
			token,
			json: { active: 0, event_type: 'All' },
		});
		expect(patched.status).toBe(200);
		expect(patched.json.data).toMatchObject({
			active: false,
			event_type: 'All',
			name: '[n8n] SePay trigger',
		});

		const deleted = await call(emu.baseUrl, 'DELETE', `/api/v1/webhooks/${id}`, { token });
		expect(deleted.status).toBe(200);
		expect(deleted.json.status).toBe('success');
		expect((await get(`/webhooks/${id}`)).status).toBe(404);
		expect((await call(emu.baseUrl, 'DELETE', `/api/v1/webhooks/${id}`, { token })).status).toBe(
			404,
		);
	});

	it('returns the HMAC secret once on create, masked afterwards', async () => {
		const created = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', {
			token,
			json: { ...valid(), authen_type: 'HMAC_SHA256', api_key: undefined },
		});
		expect(created.status).toBe(201);
		expect(created.json.data.secret_key).toMatch(/^whsec_[0-9a-f]{48}$/);
		const got = await get(`/webhooks/${created.json.data.id}`);
		expect(got.json.data.secret_key).toBe(
			`${'*'.repeat(created.json.data.secret_key.length - 4)}${created.json.data.secret_key.slice(-4)}`,
		);
	});

	it('rejects bad input with field messages', async () => {
		const empty = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', { token, json: {} });
		expect(empty.status).toBe(400);
		expect(empty.json.status).toBe('error');
		expect(Object.keys(empty.json.errors).sort()).toEqual([
			'authen_type',
			'bank_account_id',
			'event_type',
			'name',
			'webhook_url',
		]);

		const enums = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', {
			token,
			json: {
				...valid(),
				event_type: 'Both',
				request_content_type: 'xml',
				authen_type: 'Api_Key',
				api_key: '',
			},
		});
		expect(Object.keys(enums.json.errors).sort()).toEqual([
			'api_key',
			'event_type',
			'request_content_type',
		]);

		const remote = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', {
			token,
			json: { ...valid(), webhook_url: 'https://example.com/hook' },
		});
		expect(remote.status).toBe(400);
		expect(remote.json.errors.webhook_url[0]).toMatch(
			/only delivers webhooks to 127\.0\.0\.1 or localhost/,
		);

		const account = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', {
			token,
			json: { ...valid(), bank_account_id: 424242 },
		});
		expect(account.json.errors.bank_account_id).toBeDefined();

		const noKey = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', {
			token,
			json: { ...valid(), api_key: undefined },
		});
		expect(noKey.json.errors.api_key).toBeDefined();

		const patch = await call(emu.baseUrl, 'PATCH', '/api/v1/webhooks/9999', {
			token,
			json: { active: 1 },
		});
		expect(patch.status).toBe(404);
	});
});

describe('profile and company', () => {
	it('GET /me and /company', async () => {
		const me = await get('/me');
		expect(me.json.data).toMatchObject({
			id: expect.any(Number),
			first_name: 'Nguyễn',
			email: expect.any(String),
		});
		const company = await get('/company');
		expect(company.json.data.configurations.payment_code_formats[0]).toEqual({
			prefix: 'DH',
			suffix_from: 6,
			suffix_to: 8,
			character_type: 'NumberOnly',
			is_active: true,
		});
	});

	it('PATCH /company/configurations validates and updates payment code formats', async () => {
		const bad = await call(emu.baseUrl, 'PATCH', '/api/v1/company/configurations', {
			token,
			json: {
				payment_code_formats: [
					{ prefix: 'TOO-LONG-PREFIX', suffix_from: 9, suffix_to: 3, character_type: 'Emoji' },
				],
			},
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.errors).sort()).toEqual([
			'payment_code_formats.0.character_type',
			'payment_code_formats.0.prefix',
			'payment_code_formats.0.suffix_to',
		]);
		const ok = await call(emu.baseUrl, 'PATCH', '/api/v1/company/configurations', {
			token,
			json: {
				payment_code_formats: [
					{
						prefix: 'sp',
						suffix_from: 3,
						suffix_to: 5,
						character_type: 'NumberOnly',
						is_active: true,
					},
				],
			},
		});
		expect(ok.status).toBe(200);
		expect(ok.json.data.payment_code_formats).toEqual([
			{ prefix: 'SP', suffix_from: 3, suffix_to: 5, character_type: 'NumberOnly', is_active: true },
		]);
		const sim = emu.simulateTransaction({ amount: 10000, content: 'Thanh toan SP123 nhe' });
		expect(sim.transaction.code).toBe('SP123');
	});

	it('company endpoints need an Admin or SuperAdmin user', async () => {
		emu.state.company.role = 'User';
		try {
			const res = await get('/company');
			expect(res.status).toBe(403);
			expect(res.json).toMatchObject({ status: 'error', error: 'forbidden' });
			expect(
				(
					await call(emu.baseUrl, 'PATCH', '/api/v1/company/configurations', {
						token,
						json: { paycode: true },
					})
				).status,
			).toBe(403);
		} finally {
			emu.state.company.role = 'Admin';
		}
		expect((await get('/company')).status).toBe(200);
	});
});
