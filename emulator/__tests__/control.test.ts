import { inflateSync } from 'node:zlib';

import { startEmulator, type Emulator } from '../index';
import { call, startReceiver } from './helpers';

let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, transactions: 120, retryMinuteMs: 10 });
	receiver = await startReceiver();
});

afterAll(async () => {
	await emu.close();
	await receiver.close();
});

const control = (method: string, path: string, json?: unknown) =>
	call(emu.baseUrl, method, `/_control${path}`, json === undefined ? {} : { json });

describe('control API', () => {
	it('describes itself and reports info, accounts and counters', async () => {
		const index = await control('GET', '');
		expect(index.json.endpoints.length).toBeGreaterThan(10);
		const info = await control('GET', '/info');
		expect(info.json).toMatchObject({
			baseUrl: emu.baseUrl,
			secrets: emu.secrets,
			counts: { accounts: 5, transactions: 120 },
		});
		const accounts = await control('GET', '/accounts');
		expect(accounts.json.data[0]).toMatchObject({
			id: expect.any(Number),
			uuid: expect.any(String),
			account_number: expect.any(String),
			vas: expect.any(Array),
		});
	});

	it('registers a webhook, simulates a transaction and lists, replays and duplicates deliveries', async () => {
		const hook = await control('POST', '/webhooks', {
			webhook_url: receiver.url,
			authen_type: 'Api_Key',
			api_key: 'ctl-key',
			event_type: 'In_only',
		});
		expect(hook.status).toBe(201);
		expect(hook.json.data).toMatchObject({
			id: expect.any(Number),
			api_key: 'ctl-key',
			retry_conditions: { non_2xx_status_code: 1 },
			source: 'control',
		});
		const webhookId = hook.json.data.id;
		const account = emu.state.accounts[1];

		const sim = await control('POST', '/transactions', {
			account_number: account.accountNumber,
			amount: 350000,
			transfer_type: 'in',
			content: 'TRAN THI B chuyen tien DH246810',
			wait: 'settled',
		});
		expect(sim.status).toBe(201);
		expect(sim.json.transaction.v1).toMatchObject({
			bank_account_id: account.id,
			amount_in: 350000,
			code: 'DH246810',
		});
		expect(sim.json.transaction.v2.id).toBe(sim.json.transaction.uuid);
		expect(sim.json.payload).toMatchObject({
			id: sim.json.transaction.id,
			transferAmount: 350000,
			code: 'DH246810',
			gateway: account.bank.short_name,
		});
		expect(sim.json.deliveries[0]).toMatchObject({
			webhookId,
			status: 'success',
			attempts: [expect.objectContaining({ status: 200, success: true })],
		});
		expect(receiver.received.at(-1)?.headers.authorization).toBe('Apikey ctl-key');

		const txId = sim.json.transaction.id;
		const listed = await control('GET', `/deliveries?transaction_id=${txId}`);
		expect(listed.json.data).toHaveLength(1);
		const deliveryId = listed.json.data[0].id;
		expect((await control('GET', `/deliveries/${deliveryId}`)).json.data.id).toBe(deliveryId);
		expect((await control('GET', '/deliveries/9999')).status).toBe(404);

		const replay = await control('POST', `/deliveries/${deliveryId}/replay`);
		expect(replay.json.data).toMatchObject({ kind: 'replay', replayOf: deliveryId });
		const dup = await control('POST', '/deliveries/duplicate', {
			webhook_id: webhookId,
			transaction_id: txId,
		});
		expect(dup.json.data).toMatchObject({ kind: 'duplicate', transactionId: txId });
		const waited = await control('POST', '/deliveries/wait', {
			transaction_id: txId,
			status: 'success',
			count: 3,
			timeout_ms: 5000,
		});
		expect(waited.status).toBe(200);
		expect(waited.json.data).toHaveLength(3);
		const timeout = await control('POST', '/deliveries/wait', {
			transaction_id: txId,
			count: 10,
			timeout_ms: 30,
		});
		expect(timeout.status).toBe(504);

		const out = await control('POST', '/transactions', {
			bank_account_id: account.id,
			amount: 1000,
			transfer_type: 'out',
			content: 'phi',
			wait: 'first',
		});
		expect(out.json.deliveries).toEqual([]);
		expect((await control('GET', `/transactions/${txId}`)).json.uuid).toBe(
			sim.json.transaction.uuid,
		);
		expect((await control('DELETE', `/webhooks/${webhookId}`)).status).toBe(200);
		expect((await control('GET', '/webhooks')).json.data).toEqual([]);
	});

	it('rejects bad simulation and webhook input with 400', async () => {
		expect((await control('POST', '/transactions', { amount: -5 })).json.message).toMatch(/amount/);
		expect(
			(await control('POST', '/transactions', { amount: 1000, bank_account_id: 424242 })).status,
		).toBe(400);
		expect(
			(await control('POST', '/transactions', { amount: 1000, sub_account: 'NOPE' })).status,
		).toBe(400);
		expect(
			(await control('POST', '/transactions', { amount: 1000, transfer_type: 'sideways' })).status,
		).toBe(400);
		expect(
			(await control('POST', '/transactions', { amount: 1e15, transfer_type: 'out' })).json.message,
		).toMatch(/Insufficient/);
		const remote = await control('POST', '/webhooks', { webhook_url: 'https://example.com/x' });
		expect(remote.status).toBe(400);
		expect(remote.json.errors.webhook_url).toBeDefined();
		expect((await control('POST', '/webhooks', {})).status).toBe(400);
	});

	it('issues and expires tokens, drives eInvoice jobs and quota', async () => {
		const token = await control('POST', '/oauth/token', { scopes: 'profile', ttl_seconds: 120 });
		expect(token.json).toMatchObject({ token_type: 'Bearer', expires_in: 120, scope: 'profile' });
		expect(
			(await call(emu.baseUrl, 'GET', '/api/v1/me', { token: token.json.access_token })).status,
		).toBe(200);
		expect((await control('POST', '/oauth/token', { scopes: 'root' })).status).toBe(400);
		const inv = await control('POST', '/einvoice/token', {});
		expect(
			(await call(emu.baseUrl, 'GET', '/v1/usage', { token: inv.json.access_token })).status,
		).toBe(200);
		expect((await control('POST', '/tokens/expire')).json.expired).toBeGreaterThanOrEqual(2);
		expect(
			(await call(emu.baseUrl, 'GET', '/api/v1/me', { token: token.json.access_token })).status,
		).toBe(401);
		expect(
			(await call(emu.baseUrl, 'GET', '/v1/usage', { token: inv.json.access_token })).status,
		).toBe(401);

		expect((await control('POST', '/einvoice/fail-next', { reason: 'x' })).json.queued).toBe(1);
		expect((await control('PUT', '/einvoice/quota', { remaining: 7 })).json.quota_remaining).toBe(
			7,
		);
		expect(emu.state.einvoice.quotaRemaining).toBe(7);
		expect((await control('PUT', '/einvoice/quota', { remaining: -1 })).status).toBe(400);
	});

	it('logs API requests (not control calls) and counts them by route', async () => {
		await control('DELETE', '/requests');
		await call(emu.baseUrl, 'GET', '/v2/bank-accounts?per_page=1', {
			token: emu.secrets.apiToken,
			headers: { 'X-Test': 'yes' },
		});
		await call(emu.baseUrl, 'POST', '/v1/token');
		const all = await control('GET', '/requests');
		expect(all.json.count).toBe(2);
		expect(all.json.data[0]).toMatchObject({
			method: 'GET',
			path: '/v2/bank-accounts',
			query: { per_page: '1' },
			status: 200,
			headers: expect.objectContaining({ 'x-test': 'yes' }),
		});
		expect((await control('GET', '/requests?method=POST&path=/v1/token')).json.count).toBe(1);
		expect(emu.countRequests('POST', '/v1/token')).toBe(1);
		expect(emu.countRequests('GET', /^\/v2\//)).toBe(1);
		expect((await control('GET', '/counters')).json.byRoute).toEqual({
			'GET /v2/bank-accounts': 1,
			'POST /v1/token': 1,
		});
	});

	it('reset restores the seeded state but keeps credentials unless asked', async () => {
		const token = emu.issueOAuthToken({ scopes: 'profile' }).access_token;
		emu.simulateTransaction({ amount: 1000 });
		emu.registerWebhook({ webhook_url: receiver.url });
		expect((await control('POST', '/reset', {})).json.ok).toBe(true);
		expect(emu.state.transactions).toHaveLength(120);
		expect(emu.state.webhooks.size).toBe(0);
		expect(emu.deliveries()).toEqual([]);
		expect((await call(emu.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(200);
		await control('POST', '/reset', { tokens: true });
		expect((await call(emu.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(401);
	});
});

describe('router', () => {
	it('404, 405 and malformed JSON in the envelope of each API', async () => {
		const v2 = await call(emu.baseUrl, 'GET', '/v2/nothing', { token: emu.secrets.apiToken });
		expect(v2.status).toBe(404);
		expect(v2.json.error_code).toBe('not_found');
		const method = await call(emu.baseUrl, 'DELETE', '/v2/transactions', {
			token: emu.secrets.apiToken,
		});
		expect(method.status).toBe(405);
		const badJson = await call(emu.baseUrl, 'POST', '/v1/invoices/create', {
			headers: { 'Content-Type': 'application/json' },
			token: 'x',
		});
		expect(badJson.status).toBe(401);
		const res = await fetch(`${emu.baseUrl}/api/v1/webhooks`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{not json',
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { status: string }).status).toBe('error');
	});
});

describe('VietQR /img', () => {
	it('returns a valid PNG and 400 without acc or bank', async () => {
		const res = await fetch(
			`${emu.baseUrl}/img?acc=0071000888888&bank=Vietcombank&amount=50000&des=DH123456`,
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		const png = Buffer.from(await res.arrayBuffer());
		expect(png.subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		);
		expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
		const width = png.readUInt32BE(16);
		const idatLength = png.readUInt32BE(33);
		expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
		expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe(width * (width + 1));
		const other = Buffer.from(
			await (
				await fetch(`${emu.baseUrl}/img?acc=0071000888888&bank=VCB&amount=60000`)
			).arrayBuffer(),
		);
		expect(other.equals(png)).toBe(false);

		const missing = await call(emu.baseUrl, 'GET', '/img?bank=VCB');
		expect(missing.status).toBe(400);
		expect(missing.json.errors.acc).toBeDefined();
		expect((await call(emu.baseUrl, 'GET', '/img?acc=1')).json.errors.bank).toBeDefined();
		expect((await call(emu.baseUrl, 'GET', '/img?acc=1&bank=VCB&amount=12.5')).status).toBe(400);
		const download = await fetch(`${emu.baseUrl}/img?acc=1&bank=VCB&download=true`);
		expect(download.headers.get('content-disposition')).toBe('attachment; filename="vietqr-1.png"');
	});
});

describe('determinism', () => {
	it('the same seed gives the same data and secrets; another seed differs', async () => {
		const a = await startEmulator({ port: 0, seed: 42, transactions: 300 });
		const b = await startEmulator({ port: 0, seed: 42, transactions: 300 });
		const c = await startEmulator({ port: 0, seed: 43, transactions: 300 });
		try {
			const page = async (e: Emulator) =>
				(
					await call(e.baseUrl, 'GET', '/v2/transactions?per_page=100&page=2', {
						token: e.secrets.apiToken,
					})
				).text;
			expect(a.secrets).toEqual(b.secrets);
			expect(await page(a)).toBe(await page(b));
			expect(c.secrets.apiToken).not.toBe(a.secrets.apiToken);
			expect(c.state.transactions[0].uuid).not.toBe(a.state.transactions[0].uuid);
			expect(a.secrets.apiToken).toMatch(/^[0-9A-F]{64}$/);
			const memos = a.state.transactions.map((t) => t.content);
			expect(memos.some((m) => /chuyen tien|thanh toan/i.test(m))).toBe(true);
			expect(a.state.transactions.filter((t) => t.code).length).toBeGreaterThan(100);
			for (const t of a.state.transactions) {
				expect(t.accumulated).toBeGreaterThanOrEqual(0);
				if (t.code) expect(t.content).toContain(t.code);
			}
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});

	it('rejects invalid options', async () => {
		await expect(startEmulator({ transactions: -1 })).rejects.toThrow(/transactions/);
		await expect(startEmulator({ retryMinuteMs: 0 })).rejects.toThrow(/retryMinuteMs/);
		await expect(startEmulator({ rateLimit: { perSecond: 0 } })).rejects.toThrow(/perSecond/);
	});
});
