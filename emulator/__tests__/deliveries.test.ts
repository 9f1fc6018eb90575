import { createHmac, timingSafeEqual } from 'node:crypto';

import { RETRY_SCHEDULE_MINUTES, startEmulator, type Emulator } from '../index';
import { call, startReceiver } from './helpers';

const MINUTE_MS = 20;
const PAYLOAD_KEYS = [
	'id',
	'gateway',
	'transactionDate',
	'accountNumber',
	'subAccount',
	'code',
	'content',
	'transferType',
	'description',
	'transferAmount',
	'accumulated',
	'referenceCode',
];

let emu: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	// A generous attempt timeout: a busy machine must not turn a slow answer into a timeout.
	emu = await startEmulator({
		port: 0,
		transactions: 100,
		retryMinuteMs: MINUTE_MS,
		deliveryTimeoutMs: 30_000,
	});
	receiver = await startReceiver();
});

beforeEach(() => {
	emu.reset();
	receiver.received.length = 0;
	receiver.setReply(() => ({ status: 200, body: '{"success": true}' }));
});

afterAll(async () => {
	await emu.close();
	await receiver.close();
});

/** Independent HMAC check, written from SePay's docs rather than the emulator's signer. */
function verifySepaySignature(
	secret: string,
	timestamp: string,
	rawBody: string,
	header: string,
): boolean {
	const expected =
		'sha256=' +
		createHmac('sha256', secret)
			.update(timestamp + '.' + rawBody, 'utf8')
			.digest('hex');
	return (
		expected.length === header.length && timingSafeEqual(Buffer.from(expected), Buffer.from(header))
	);
}

describe('payload and authentication', () => {
	it('posts the exact SePay JSON payload without authentication', async () => {
		const hook = emu.registerWebhook({ webhook_url: receiver.url });
		const account = emu.state.accounts[0];
		const sim = emu.simulateTransaction({
			bankAccountId: account.id,
			amount: 2277000,
			content: 'NGUYEN VAN A chuyen tien DH102938',
		});
		const [delivery] = await sim.settled;
		expect(delivery).toMatchObject({ webhookId: hook.id, status: 'success', kind: 'original' });
		expect(receiver.received).toHaveLength(1);
		const req = receiver.received[0];
		expect(req.method).toBe('POST');
		expect(req.url).toBe('/sepay-hook');
		expect(req.headers['content-type']).toBe('application/json');
		expect(req.headers.authorization).toBeUndefined();
		const body = JSON.parse(req.body);
		expect(Object.keys(body)).toEqual(PAYLOAD_KEYS);
		expect(body).toEqual({
			id: sim.transaction.id,
			gateway: 'Vietcombank',
			transactionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			accountNumber: account.accountNumber,
			subAccount: null,
			code: 'DH102938',
			content: 'NGUYEN VAN A chuyen tien DH102938',
			transferType: 'in',
			description: expect.any(String),
			transferAmount: 2277000,
			accumulated: sim.transaction.accumulated,
			referenceCode: sim.transaction.referenceNumber,
		});
		expect(delivery.attempts[0]).toMatchObject({
			number: 1,
			status: 200,
			body: '{"success": true}',
			success: true,
			error: null,
		});
	});

	it('sends Authorization: Apikey <key> for Api_Key webhooks', async () => {
		emu.registerWebhook({
			webhook_url: receiver.url,
			authen_type: 'Api_Key',
			api_key: 'my-secret-key-123',
		});
		await emu.simulateTransaction({ amount: 50000 }).settled;
		expect(receiver.received[0].headers.authorization).toBe('Apikey my-secret-key-123');
	});

	it('signs HMAC_SHA256 deliveries verifiably over "<timestamp>.<raw body>"', async () => {
		const hook = emu.registerWebhook({ webhook_url: receiver.url, authen_type: 'HMAC_SHA256' });
		expect(hook.secret_key).toMatch(/^whsec_/);
		await emu.simulateTransaction({ amount: 99000, content: 'Thanh toan hoa don HD9A7B' }).settled;
		const req = receiver.received[0];
		const ts = req.headers['x-sepay-timestamp'] as string;
		const sig = req.headers['x-sepay-signature'] as string;
		expect(ts).toMatch(/^\d{10}$/);
		expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(300);
		expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
		expect(verifySepaySignature(hook.secret_key as string, ts, req.body, sig)).toBe(true);
		expect(
			verifySepaySignature(hook.secret_key as string, ts, req.body.replace('99000', '99001'), sig),
		).toBe(false);
		expect(verifySepaySignature('whsec_wrong', ts, req.body, sig)).toBe(false);
	});

	it('encodes form-urlencoded and multipart bodies with the same keys', async () => {
		emu.registerWebhook({
			webhook_url: receiver.url,
			request_content_type: 'application_x-www-form-urlencoded',
		});
		emu.registerWebhook({
			webhook_url: receiver.url,
			request_content_type: 'multipart_form-data',
			authen_type: 'HMAC_SHA256',
		});
		const sim = emu.simulateTransaction({ amount: 150000, content: 'DH445566 mua hang' });
		await sim.settled;
		const form = receiver.received.find(
			(r) => r.headers['content-type'] === 'application/x-www-form-urlencoded',
		);
		const params = new URLSearchParams(form?.body);
		expect([...params.keys()]).toEqual(PAYLOAD_KEYS);
		expect(params.get('transferAmount')).toBe('150000');
		expect(params.get('subAccount')).toBe('');
		expect(params.get('code')).toBe('DH445566');
		const multi = receiver.received.find((r) =>
			String(r.headers['content-type']).startsWith('multipart/form-data'),
		);
		const boundary = /boundary=(.+)$/.exec(String(multi?.headers['content-type']))?.[1] as string;
		const names = [...(multi?.body ?? '').matchAll(/name="(\w+)"\r\n\r\n([^\r]*)\r\n/g)].map(
			(m) => m[1],
		);
		expect(names).toEqual(PAYLOAD_KEYS);
		expect(multi?.body.endsWith(`--${boundary}--\r\n`)).toBe(true);
		const hook = [...emu.state.webhooks.values()].find(
			(w) => w.request_content_type === 'multipart_form-data',
		);
		expect(
			verifySepaySignature(
				hook?.secret_key as string,
				multi?.headers['x-sepay-timestamp'] as string,
				multi?.body as string,
				multi?.headers['x-sepay-signature'] as string,
			),
		).toBe(true);
	});
});

describe('success rule and retries', () => {
	it('only 200/201 with {"success": true} counts; anything else is retried', async () => {
		const replies = [
			{ status: 204, body: '' },
			{ status: 200, body: 'OK' },
			{ status: 200, body: '{"success": false}' },
			{ status: 202, body: '{"success": true}' },
			{ status: 500, body: '{"success": true}' },
			{ status: 201, body: '{"success":true}' },
		];
		receiver.setReply((_req, n) => replies[n - 1] ?? { status: 200, body: '{"success": true}' });
		emu.registerWebhook({ webhook_url: receiver.url });
		const [delivery] = await emu.simulateTransaction({ amount: 10000 }).settled;
		expect(delivery.status).toBe('success');
		expect(delivery.attempts.map((a) => [a.status, a.success])).toEqual([
			[204, false],
			[200, false],
			[200, false],
			[202, false],
			[500, false],
			[201, true],
		]);
		const bodies = new Set(receiver.received.map((r) => r.body));
		expect(bodies.size).toBe(1);
	});

	it('retries on the Fibonacci schedule and gives up after 8 attempts', async () => {
		receiver.setReply(() => ({ status: 503, body: 'busy' }));
		emu.registerWebhook({ webhook_url: receiver.url });
		const [delivery] = await emu.simulateTransaction({ amount: 10000 }).settled;
		expect(delivery.status).toBe('failed');
		expect(delivery.attempts).toHaveLength(8);
		expect(delivery.nextAttemptAt).toBeNull();
		// Each retry waits its scheduled number of "minutes": the delay the retry timer was set to
		// (not a measured gap, which a busy machine stretches and a coarse clock shortens).
		expect(delivery.attempts.map((a) => a.retryInMs)).toEqual([
			...RETRY_SCHEDULE_MINUTES.map((m) => m * MINUTE_MS),
			undefined,
		]);
		expect(RETRY_SCHEDULE_MINUTES).toEqual([1, 1, 2, 3, 5, 8, 13]);
	});

	it('does not retry when retry_conditions.non_2xx_status_code is 0', async () => {
		receiver.setReply(() => ({ status: 500, body: 'err' }));
		emu.registerWebhook({
			webhook_url: receiver.url,
			retry_conditions: { non_2xx_status_code: 0 },
		});
		const [delivery] = await emu.simulateTransaction({ amount: 10000 }).settled;
		expect(delivery.status).toBe('failed');
		expect(delivery.attempts).toHaveLength(1);
	});

	it('records connection errors and timeouts as failed attempts', async () => {
		// Its own emulator with a short attempt timeout: the hanging receiver never answers.
		const emu = await startEmulator({ port: 0, transactions: 10, deliveryTimeoutMs: 300 });
		const closed = await startReceiver();
		const deadUrl = closed.url;
		await closed.close();
		emu.registerWebhook({ webhook_url: deadUrl, retry_conditions: { non_2xx_status_code: 0 } });
		const http = await import('node:http');
		const hang = http.createServer(() => undefined);
		await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
		const hangUrl = `http://127.0.0.1:${(hang.address() as { port: number }).port}/x`;
		emu.registerWebhook({ webhook_url: hangUrl, retry_conditions: { non_2xx_status_code: 0 } });
		const ds = await emu.simulateTransaction({ amount: 10000 }).settled;
		const refused = ds.find((d) => d.url === deadUrl);
		const timedOut = ds.find((d) => d.url === hangUrl);
		expect(refused?.attempts[0]).toMatchObject({
			status: null,
			success: false,
			error: expect.stringMatching(/ECONNREFUSED/),
		});
		expect(timedOut?.attempts[0]).toMatchObject({
			status: null,
			success: false,
			error: 'Timed out after 300 ms',
		});
		hang.closeAllConnections();
		hang.close();
		await emu.close();
	});

	it('marks the transaction webhook_success once a delivery succeeds', async () => {
		emu.registerWebhook({ webhook_url: receiver.url });
		const sim = emu.simulateTransaction({ amount: 10000 });
		expect(sim.transaction.webhookSuccess).toBe(0);
		await sim.settled;
		const v2 = await call(emu.baseUrl, 'GET', `/v2/transactions/${sim.transaction.uuid}`, {
			token: emu.secrets.apiToken,
		});
		expect(v2.json.data.webhook_success).toBe(1);
	});
});

describe('matching', () => {
	it('applies event type, account, code, prefix, VA and active filters', async () => {
		const [a0, a1] = emu.state.accounts;
		const va = emu.state.vasOf(a0.id)[0];
		const hooks = {
			all: emu.registerWebhook({ webhook_url: receiver.url, name: 'all' }),
			inOnly: emu.registerWebhook({ webhook_url: receiver.url, event_type: 'In_only' }),
			outOnly: emu.registerWebhook({ webhook_url: receiver.url, event_type: 'Out_only' }),
			account1: emu.registerWebhook({ webhook_url: receiver.url, bank_account_id: a1.id }),
			needsCode: emu.registerWebhook({ webhook_url: receiver.url, skip_if_no_code: true }),
			prefixHd: emu.registerWebhook({ webhook_url: receiver.url, prefix_filters: ['HD'] }),
			onlyVa: emu.registerWebhook({ webhook_url: receiver.url, only_va: true }),
			inactive: emu.registerWebhook({ webhook_url: receiver.url, active: false }),
		};
		const hit = (sim: { deliveries: { webhookId: number }[] }) =>
			Object.entries(hooks)
				.filter(([, w]) => sim.deliveries.some((d) => d.webhookId === w.id))
				.map(([k]) => k)
				.sort();
		expect(
			hit(
				emu.simulateTransaction({
					bankAccountId: a0.id,
					amount: 10000,
					content: 'DH123456 mua hang',
				}),
			),
		).toEqual(['all', 'inOnly', 'needsCode'].sort());
		expect(
			hit(emu.simulateTransaction({ bankAccountId: a1.id, amount: 10000, content: 'chuyen tien' })),
		).toEqual(['account1', 'all', 'inOnly'].sort());
		expect(
			hit(
				emu.simulateTransaction({
					bankAccountId: a0.id,
					amount: 10000,
					transferType: 'out',
					content: 'tra tien',
				}),
			),
		).toEqual(['all', 'outOnly']);
		expect(
			hit(
				emu.simulateTransaction({
					bankAccountId: a0.id,
					amount: 10000,
					content: 'HD12AB thanh toan',
				}),
			),
		).toEqual(['all', 'inOnly', 'needsCode', 'prefixHd'].sort());
		expect(
			hit(
				emu.simulateTransaction({
					bankAccountId: a0.id,
					amount: 10000,
					subAccount: va.va,
					content: 'x',
				}),
			),
		).toEqual(['all', 'inOnly', 'onlyVa'].sort());
		await emu.waitForDeliveries(
			(ds) => ds.length > 0 && ds.every((d) => d.status === 'success'),
			5000,
		);
	});

	it('code and prefix filters are ignored while payment-code recognition is off', async () => {
		emu.state.company.configurations.paycode = false;
		const w = emu.registerWebhook({
			webhook_url: receiver.url,
			skip_if_no_code: true,
			prefix_filters: ['DH'],
		});
		const sim = emu.simulateTransaction({ amount: 10000, content: 'DH123456' });
		expect(sim.transaction.code).toBeNull();
		expect(sim.deliveries.map((d) => d.webhookId)).toEqual([w.id]);
		await sim.settled;
	});

	it('refuses webhook URLs that are not on this machine', () => {
		expect(() => emu.registerWebhook({ webhook_url: 'https://hooks.example.com/sepay' })).toThrow(
			/127\.0\.0\.1 or localhost/,
		);
		expect(() => emu.registerWebhook({ webhook_url: 'http://10.0.0.5/sepay' })).toThrow(/refused/);
	});

	it('webhooks created through /api/v1/webhooks receive deliveries too', async () => {
		const token = emu.issueOAuthToken({ scopes: 'webhook:write' }).access_token;
		const created = await call(emu.baseUrl, 'POST', '/api/v1/webhooks', {
			token,
			json: {
				bank_account_id: 0,
				name: 'n8n',
				event_type: 'In_only',
				authen_type: 'Api_Key',
				api_key: 'n8n-key',
				webhook_url: receiver.url,
				request_content_type: 'Json',
				active: 1,
			},
		});
		expect(created.status).toBe(201);
		const sim = emu.simulateTransaction({ amount: 20000 });
		expect(sim.deliveries.map((d) => d.webhookId)).toEqual([created.json.data.id]);
		await sim.settled;
		expect(receiver.received[0].headers.authorization).toBe('Apikey n8n-key');
	});
});

describe('replays and duplicates', () => {
	it('replay resends the same payload as a new delivery; duplicate sends a transaction again', async () => {
		const w = emu.registerWebhook({ webhook_url: receiver.url });
		const sim = emu.simulateTransaction({ amount: 10000, content: 'DH777888' });
		const [original] = await sim.settled;
		const replay = emu.replayDelivery(original.id);
		expect(replay).toMatchObject({
			kind: 'replay',
			replayOf: original.id,
			transactionId: sim.transaction.id,
		});
		const older = emu.state.transactions[3];
		const duplicate = emu.duplicateDelivery(w.id, older.id);
		expect(duplicate).toMatchObject({ kind: 'duplicate', transactionId: older.id });
		await emu.waitForDeliveries(
			(ds) => ds.filter((d) => d.status === 'success').length === 3,
			5000,
		);
		const ids = receiver.received.map((r) => JSON.parse(r.body).id);
		expect(ids.sort()).toEqual([older.id, sim.transaction.id, sim.transaction.id].sort());
		const bodies = receiver.received
			.filter((r) => JSON.parse(r.body).id === sim.transaction.id)
			.map((r) => r.body);
		expect(bodies[0]).toBe(bodies[1]);
		expect(() => emu.replayDelivery(999)).toThrow(/not found/);
	});

	it('waitForDeliveries rejects with a summary on timeout', async () => {
		await expect(emu.waitForDeliveries((ds) => ds.length > 5, 50)).rejects.toThrow(
			/timed out after 50 ms/,
		);
	});
});
