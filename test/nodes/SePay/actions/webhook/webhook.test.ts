/** Webhook CRUD (OAuth2 API only) over HTTP to the emulator; API Token gets a clear message. */
import { jsonOf, startNodeTest } from '../../setup';
import type { NodeTestContext } from '../../setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest();
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

const HOOK_URL = 'http://127.0.0.1:9/sepay-hook';

describe('Create', () => {
	it('sends every webhook field in SePay form and outputs the new id', async () => {
		const account = t.emu.state.accounts[0];
		const result = await t.run('oAuth2', {
			resource: 'webhook',
			operation: 'create',
			webhookUrl: HOOK_URL,
			name: 'Shop orders',
			eventType: 'In_only',
			bankMode: 'single',
			bankAccount: { __rl: true, mode: 'list', value: String(account.id) },
			authenType: 'Api_Key',
			apiKey: 'k-123456789',
			additionalFields: {
				active: false,
				skipIfNoCode: true,
				isVerifyPayment: true,
				onlyVa: false,
				prefixFilters: 'DH, HD',
				requestContentType: 'Json',
				retryOnFailure: true,
				vaMode: 'list',
				bankSubAccountIds: '101, 102',
				alertThreshold: 5,
				alertEventTypes: ['failure', 'recovery'],
				alertChannelIds: '7',
			},
		});
		const [request] = t.apiRequests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/v1/webhooks');
		expect(request.body).toEqual({
			webhook_url: HOOK_URL,
			name: 'Shop orders',
			event_type: 'In_only',
			bank_mode: 'single',
			bank_account_id: account.id,
			authen_type: 'Api_Key',
			api_key: 'k-123456789',
			request_content_type: 'Json',
			va_mode: 'list',
			active: 0,
			is_verify_payment: 1,
			only_va: 0,
			skip_if_no_code: 1,
			retry_conditions: { non_2xx_status_code: 1 },
			prefix_filters: ['DH', 'HD'],
			bank_sub_account_ids: [101, 102],
			alert_channel_ids: [7],
			alert_event_types: ['failure', 'recovery'],
			alert_threshold: 5,
		});
		const [created] = jsonOf(result);
		expect(typeof created.id).toBe('number');
		const stored = t.emu.state.webhooks.get(created.id as number);
		expect(stored).toMatchObject({
			webhook_url: HOOK_URL,
			bank_account_id: account.id,
			active: false,
			skip_if_no_code: true,
		});
	});

	it('watches several accounts, and returns the HMAC secret SePay generates', async () => {
		const [a, b] = t.emu.state.accounts;
		const result = await t.run('oAuth2', {
			resource: 'webhook',
			operation: 'create',
			webhookUrl: HOOK_URL,
			name: 'Two accounts',
			eventType: 'All',
			bankMode: 'multi',
			bankAccountIds: [String(a.id), String(b.id)],
			authenType: 'HMAC_SHA256',
		});
		expect(t.apiRequests()[0].body).toMatchObject({
			bank_mode: 'multi',
			bank_account_ids: [a.id, b.id],
			bank_account_id: a.id,
			authen_type: 'HMAC_SHA256',
		});
		expect(String(jsonOf(result)[0].secret_key)).toMatch(/^whsec_/);
	});

	it('watches all accounts with bank_account_id 0', async () => {
		await t.run('oAuth2', {
			resource: 'webhook',
			operation: 'create',
			webhookUrl: HOOK_URL,
			name: 'All',
			bankMode: 'all',
			authenType: 'No_Authen',
		});
		expect(t.apiRequests()[0].body).toMatchObject({
			bank_mode: 'all',
			bank_account_id: 0,
			authen_type: 'No_Authen',
			event_type: 'In_only',
		});
	});

	it.each([
		[{ webhookUrl: 'not a url' }, /Webhook URL/],
		[{ authenType: 'Api_Key', apiKey: '' }, /API Key/],
		[{ additionalFields: { alertThreshold: 30 } }, /Alert Threshold/],
		[{ additionalFields: { bankSubAccountIds: '1, x' } }, /Virtual Account IDs/],
		[{ bankMode: 'multi', bankAccountIds: [] }, /Bank Account Names or IDs/],
	])('validates %j before any request', async (overrides, message) => {
		await expect(
			t.run('oAuth2', {
				resource: 'webhook',
				operation: 'create',
				webhookUrl: HOOK_URL,
				name: 'x',
				bankMode: 'all',
				authenType: 'No_Authen',
				...overrides,
			}),
		).rejects.toThrow(message);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Get, Get Many, Update, Delete', () => {
	let id: number;
	beforeAll(() => {
		id = t.emu.registerWebhook({
			webhook_url: 'http://127.0.0.1:9/other',
			name: 'Registered',
			authen_type: 'Api_Key',
			api_key: 'abcd1234',
		}).id;
	});

	it('gets one webhook', async () => {
		const result = await t.run('oAuth2', {
			resource: 'webhook',
			operation: 'get',
			webhookId: String(id),
		});
		expect(t.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/v1/webhooks/${id}`,
		]);
		expect(jsonOf(result)[0]).toMatchObject({
			id,
			name: 'Registered',
			webhook_url: 'http://127.0.0.1:9/other',
		});
	});

	it('lists webhooks with the filters SePay offers', async () => {
		const result = await t.run('oAuth2', {
			resource: 'webhook',
			operation: 'getAll',
			returnAll: true,
			filters: { webhookUrl: '/other', active: '1', apiKey: 'abcd1234' },
		});
		expect(t.apiRequests()[0].query).toEqual({
			webhook_url: '/other',
			active: '1',
			api_key: 'abcd1234',
			page: '1',
			limit: '100',
		});
		expect(jsonOf(result).map((w) => w.id)).toEqual([id]);
	});

	it('updates only the fields set', async () => {
		const result = await t.run('oAuth2', {
			resource: 'webhook',
			operation: 'update',
			webhookId: String(id),
			updateFields: { active: false, webhookUrl: 'http://127.0.0.1:9/moved', eventType: 'All' },
		});
		const [request] = t.apiRequests();
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(`/api/v1/webhooks/${id}`);
		expect(request.body).toEqual({
			active: 0,
			webhook_url: 'http://127.0.0.1:9/moved',
			event_type: 'All',
		});
		expect(jsonOf(result)[0]).toMatchObject({
			id,
			active: false,
			webhook_url: 'http://127.0.0.1:9/moved',
		});
	});

	it('refuses an update with nothing to change', async () => {
		await expect(
			t.run('oAuth2', {
				resource: 'webhook',
				operation: 'update',
				webhookId: String(id),
				updateFields: {},
			}),
		).rejects.toThrow(/Update Fields/);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('deletes and outputs { deleted: true }', async () => {
		const result = await t.run('oAuth2', {
			resource: 'webhook',
			operation: 'delete',
			webhookId: String(id),
		});
		expect(t.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`DELETE /api/v1/webhooks/${id}`,
		]);
		expect(jsonOf(result)).toEqual([{ deleted: true, id }]);
		expect(t.emu.state.webhooks.has(id)).toBe(false);
	});

	it('refuses a non-numeric webhook ID', async () => {
		await expect(
			t.run('oAuth2', { resource: 'webhook', operation: 'get', webhookId: 'abc' }),
		).rejects.toThrow(/Webhook ID/);
	});
});

describe('with API Token', () => {
	it.each(['create', 'get', 'getAll', 'update', 'delete'])(
		'%s says it needs OAuth2 and sends nothing',
		async (operation) => {
			const promise = t.run('apiToken', {
				resource: 'webhook',
				operation,
				webhookId: '1',
				webhookUrl: HOOK_URL,
				name: 'x',
				apiKey: 'k-1',
			});
			await expect(promise).rejects.toThrow(/needs OAuth2 authentication/);
			expect(t.apiRequests()).toHaveLength(0);
		},
	);
});
