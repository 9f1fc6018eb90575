import { createHmac } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SePayTrigger } from '../../../../nodes/SePay/SePayTrigger.node';
import type { Delivery, Emulator } from '../../../../emulator';
import type { CredentialStore } from '../../../../harness/credential-store';
import { serveWebhook, type WebhookDriver } from './support/driver';
import { startSePay } from './support/sepay';
import { IdMemory, storedKeys } from '../../../../nodes/SePay/transactions/idMemory';
import { WORKFLOW_MEMORY_KEY } from '../../../../nodes/SePay/transactions/workflowMemory';
import { NODE_STATIC_DATA_KEY } from '../../../../harness';

const KEY = 'manual-key-7f3a9c2e4b1d8f6a0c5e7b9d';

let emu: Emulator;
let store: CredentialStore;
const drivers: WebhookDriver[] = [];

beforeAll(async () => {
	({ emu, store } = await startSePay({ retryMinuteMs: 20, deliveryTimeoutMs: 5000 }));
});
afterAll(async () => {
	await Promise.all(drivers.map(async (d) => await d.close()));
	await emu.close();
});
beforeEach(() => emu.reset());

async function trigger(parameters: INodeParameters): Promise<WebhookDriver> {
	const driver = await serveWebhook({ node: new SePayTrigger(), parameters, store });
	drivers.push(driver);
	return driver;
}

const manualApiKey = (extra: IDataObject = {}) => ({
	registration: 'manual',
	verification: 'apiKey',
	apiKey: KEY,
	direction: 'both',
	...extra,
});

function registerApiKeyWebhook(url: string, extra: IDataObject = {}) {
	return emu.registerWebhook({
		webhook_url: url,
		event_type: 'All',
		authen_type: 'Api_Key',
		api_key: KEY,
		...extra,
	});
}

async function settle(result: { settled: Promise<Delivery[]> }): Promise<Delivery[]> {
	return await result.settled;
}

async function post(url: string, body: string, headers: Record<string, string>) {
	const response = await fetch(url, { method: 'POST', body, headers });
	return { status: response.status, body: await response.text() };
}

const sample = () =>
	JSON.stringify({
		id: 7001,
		gateway: 'ACB',
		transactionDate: '2026-11-23 10:00:00',
		accountNumber: '1',
		subAccount: null,
		code: 'DH1',
		content: 'DH1',
		transferType: 'in',
		description: '',
		transferAmount: 50000,
		accumulated: 0,
		referenceCode: 'FT1',
	});

describe('SePay Trigger, manual registration, API key', () => {
	it('runs once per transaction and answers exactly {"success":true} with 200', async () => {
		const driver = await trigger(manualApiKey());
		registerApiKeyWebhook(driver.url);
		const sim = emu.simulateTransaction({ amount: 250000, content: 'Thanh toan DH12345' });
		const [delivery] = await settle(sim);
		expect(delivery.status).toBe('success');
		expect(delivery.attempts).toHaveLength(1);
		expect(delivery.attempts[0].status).toBe(200);
		expect(delivery.attempts[0].body).toBe('{"success":true}');
		expect(driver.executions).toHaveLength(1);
		expect(driver.executions[0].items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				id: sim.payload.id,
				amount: 250000,
				direction: 'in',
				content: 'Thanh toan DH12345',
			}),
		]);
		expect(driver.crashes).toEqual([]);
	});

	it('runs once when SePay replays or duplicates the same transaction', async () => {
		const driver = await trigger(manualApiKey());
		const webhook = registerApiKeyWebhook(driver.url);
		const sim = emu.simulateTransaction({ amount: 120000 });
		const [first] = await settle(sim);
		const replay = emu.replayDelivery(first.id);
		const duplicate = emu.duplicateDelivery(webhook.id, sim.transaction.id);
		const again = await emu.waitForDeliveries(
			(all) =>
				[replay.id, duplicate.id].every((id) => all.find((d) => d.id === id)?.status === 'success'),
			5000,
		);
		expect(again.filter((d) => d.transactionId === sim.transaction.id)).toHaveLength(3);
		expect(driver.executions).toHaveLength(1);
	});

	it('runs once when a delivery only succeeds on a retry', async () => {
		const driver = await trigger(manualApiKey({ apiKey: 'not-yet-the-right-key' }));
		registerApiKeyWebhook(driver.url);
		const sim = emu.simulateTransaction({ amount: 99000 });
		const [first] = await sim.firstAttempts;
		expect(first.attempts[0].status).toBe(401);
		expect(driver.executions).toHaveLength(0);
		driver.setParameters(manualApiKey());
		const [delivery] = await settle(sim);
		expect(delivery.status).toBe('success');
		expect(delivery.attempts.length).toBeGreaterThan(1);
		expect(driver.executions).toHaveLength(1);
	});

	it('acknowledges filtered-out deliveries without running', async () => {
		const driver = await trigger(
			manualApiKey({ direction: 'in', filters: { minAmount: 100000, paymentCodePrefix: 'DH' } }),
		);
		registerApiKeyWebhook(driver.url);
		const results = [
			emu.simulateTransaction({ amount: 50000, code: 'DH1' }), // too small
			emu.simulateTransaction({ amount: 500000, code: 'INV7' }), // other prefix
			emu.simulateTransaction({ amount: 500000, code: 'DH2', transferType: 'out' }), // money out
			emu.simulateTransaction({ amount: 500000, code: 'DH3' }), // passes
		];
		const deliveries = (await Promise.all(results.map(settle))).flat();
		expect(deliveries.map((d) => [d.status, d.attempts[0].body])).toEqual(
			deliveries.map(() => ['success', '{"success":true}']),
		);
		expect(driver.executions.map((e) => e.items[0].json.paymentCode)).toEqual(['DH3']);
	});

	it('reads form-encoded and multipart deliveries the same way as JSON', async () => {
		const driver = await trigger(manualApiKey({ options: { simplify: false } }));
		registerApiKeyWebhook(driver.url, {
			request_content_type: 'application_x-www-form-urlencoded',
		});
		registerApiKeyWebhook(driver.url, { request_content_type: 'multipart_form-data' });
		const sim = emu.simulateTransaction({ amount: 310000, content: 'Thanh toán đơn DH77' });
		const deliveries = await settle(sim);
		expect(deliveries.map((d) => d.status)).toEqual(['success', 'success']);
		// Two webhooks to one URL send the same transaction twice: it runs once.
		expect(driver.executions).toHaveLength(1);
		expect(driver.executions[0].items[0].json).toEqual(sim.payload);
	});

	it.each([
		['a forged key', { authorization: 'Apikey forged-key-1234567890' }],
		['no Authorization header', {}],
		['the wrong prefix', { authorization: `Bearer ${KEY}` }],
		['the key without prefix', { authorization: KEY }],
	])('answers 401 and runs nothing for %s', async (_name, auth) => {
		const driver = await trigger(manualApiKey());
		const response = await post(driver.url, sample(), {
			'content-type': 'application/json',
			...auth,
		});
		expect(response.status).toBe(401);
		expect(response.body).not.toContain(KEY);
		expect(response.body).not.toContain('success":true');
		expect(driver.executions).toHaveLength(0);
	});

	it.each([
		['plain text', 'hello', 'text/plain'],
		['a JSON array', '[1,2,3]', 'application/json'],
		['JSON without an amount', '{"id": 5, "transferType": "in"}', 'application/json'],
		['an empty body', '', 'application/json'],
	])('answers 400 and runs nothing for %s', async (_name, body, type) => {
		const driver = await trigger(manualApiKey());
		const response = await post(driver.url, body, {
			'content-type': type,
			authorization: `Apikey ${KEY}`,
		});
		expect(response.status).toBe(400);
		expect(driver.executions).toHaveLength(0);
	});

	it('leaves broken JSON to n8n, which answers 422 before the node runs', async () => {
		const driver = await trigger(manualApiKey());
		const response = await post(driver.url, '{"id": 1, "transferType": "in",', {
			'content-type': 'application/json',
			authorization: `Apikey ${KEY}`,
		});
		expect(response.status).toBe(422);
		expect(driver.executions).toHaveLength(0);
	});

	it('rejects oversized bodies with 413', async () => {
		const driver = await trigger(manualApiKey());
		const body = JSON.stringify({ ...JSON.parse(sample()), content: 'x'.repeat(70_000) });
		const response = await post(driver.url, body, {
			'content-type': 'application/json',
			authorization: `Apikey ${KEY}`,
		});
		expect(response.status).toBe(413);
		expect(driver.executions).toHaveLength(0);
	});

	it("keeps the seen transaction in the workflow's shared memory: its id and its bank fingerprint", async () => {
		const driver = await trigger(manualApiKey());
		registerApiKeyWebhook(driver.url);
		await settle(emu.simulateTransaction({ amount: 10000 }));
		const keys = storedKeys(driver.globalStaticData()[WORKFLOW_MEMORY_KEY]);
		expect(keys).toEqual([
			String(emu.state.transactions[emu.state.transactions.length - 1].id),
			expect.stringMatching(/^#/),
		]);
		expect(driver.nodeStaticData().seenTransactionIds).toBeUndefined();
	});

	it("takes over the node's own memory from before, so a saved workflow does not run those again", async () => {
		const driver = await trigger(manualApiKey());
		// As saved by the previous version: the ids in the node's own static data, nothing shared.
		const legacy: IDataObject = {};
		new IdMemory(legacy, 'seenTransactionIds').add('7001');
		driver.seedStaticData({ [NODE_STATIC_DATA_KEY]: legacy });
		const headers = { 'content-type': 'application/json', authorization: `Apikey ${KEY}` };
		expect((await post(driver.url, sample(), headers)).status).toBe(200);
		expect(driver.executions).toHaveLength(0);
		expect(driver.nodeStaticData().seenTransactionIds).toBeUndefined();
		expect(storedKeys(driver.globalStaticData()[WORKFLOW_MEMORY_KEY])).toContain('7001');
	});
});

describe('SePay Trigger, manual registration, HMAC-SHA256', () => {
	function signed(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
		const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
		return {
			'content-type': 'application/json',
			'x-sepay-timestamp': String(timestamp),
			'x-sepay-signature': `sha256=${signature}`,
		};
	}

	it('accepts SePay-signed deliveries', async () => {
		const driver = await trigger({
			registration: 'manual',
			verification: 'hmac',
			hmacSecret: 'placeholder',
			direction: 'both',
		});
		const webhook = emu.registerWebhook({
			webhook_url: driver.url,
			event_type: 'All',
			authen_type: 'HMAC_SHA256',
		});
		driver.setParameters({
			registration: 'manual',
			verification: 'hmac',
			hmacSecret: webhook.secret_key as string,
			direction: 'both',
		});
		const [delivery] = await settle(emu.simulateTransaction({ amount: 75000 }));
		expect([delivery.status, delivery.attempts[0].body]).toEqual(['success', '{"success":true}']);
		expect(driver.executions).toHaveLength(1);
	});

	it.each([
		[
			'a bad signature',
			(s: string, b: string) => ({
				...signed(s, b),
				'x-sepay-signature': `sha256=${'ab'.repeat(32)}`,
			}),
		],
		['another secret', (_s: string, b: string) => signed('whsec_attacker', b)],
		[
			'a stale timestamp',
			(s: string, b: string) => signed(s, b, Math.floor(Date.now() / 1000) - 3600),
		],
		[
			'a future timestamp',
			(s: string, b: string) => signed(s, b, Math.floor(Date.now() / 1000) + 3600),
		],
		['a tampered body', (s: string, b: string) => signed(s, b.replace('50000', '5000000'))],
		['no signature headers', () => ({ 'content-type': 'application/json' })],
		[
			'an API key instead',
			() => ({ 'content-type': 'application/json', authorization: `Apikey ${KEY}` }),
		],
	])('answers 401 and runs nothing for %s', async (_name, headers) => {
		const secret = 'whsec_0123456789abcdef';
		const driver = await trigger({
			registration: 'manual',
			verification: 'hmac',
			hmacSecret: secret,
			direction: 'both',
		});
		const body = sample();
		const ok = await post(driver.url, body, signed(secret, body));
		expect(ok.status).toBe(200);
		const response = await post(
			driver.url,
			body.replace('7001', '7002'),
			headers(secret, body.replace('7001', '7002')),
		);
		expect(response.status).toBe(401);
		expect(response.body).not.toContain(secret);
		expect(driver.executions).toHaveLength(1);
	});
});

describe('SePay Trigger, verification None', () => {
	it('runs every SePay "Test send" (mock id 0) instead of de-duplicating it', async () => {
		const driver = await trigger({
			registration: 'manual',
			verification: 'none',
			direction: 'both',
		});
		const testSend = sample().replace('"id":7001', '"id":0');
		for (let i = 0; i < 2; i++) {
			expect(await post(driver.url, testSend, { 'content-type': 'application/json' })).toEqual({
				status: 200,
				body: '{"success":true}',
			});
		}
		expect(driver.executions).toHaveLength(2);
	});

	it('accepts any well-formed delivery', async () => {
		const driver = await trigger({
			registration: 'manual',
			verification: 'none',
			direction: 'both',
		});
		const response = await post(driver.url, sample(), { 'content-type': 'application/json' });
		expect(response).toEqual({ status: 200, body: '{"success":true}' });
		expect(driver.executions).toHaveLength(1);
	});
});

describe('SePay Trigger, automatic registration (OAuth2)', () => {
	const automatic = (verification: string, extra: IDataObject = {}) => ({
		registration: 'automatic',
		verification,
		direction: 'in',
		...extra,
	});

	it('creates one webhook on activation, finds it again on re-publish, deletes it on deactivation', async () => {
		const driver = await trigger(automatic('apiKey'));
		expect(await driver.activate()).toEqual({ created: true });
		const mine = () => [...emu.state.webhooks.values()].filter((w) => w.webhook_url === driver.url);
		expect(mine()).toHaveLength(1);
		expect(mine()[0]).toEqual(
			expect.objectContaining({
				event_type: 'In_only',
				authen_type: 'Api_Key',
				request_content_type: 'Json',
				active: true,
			}),
		);
		expect(mine()[0].api_key).toMatch(/^[0-9a-f]{64}$/);

		expect(await driver.activate('update')).toEqual({ created: false });
		expect(mine()).toHaveLength(1);

		const [delivery] = await settle(emu.simulateTransaction({ amount: 65000 }));
		expect([delivery.status, delivery.attempts[0].body]).toEqual(['success', '{"success":true}']);
		expect(driver.executions).toHaveLength(1);
		expect(JSON.stringify(driver.executions)).not.toContain(mine()[0].api_key as string);

		expect(await driver.deactivate()).toBe(true);
		expect(mine()).toHaveLength(0);
		const saved = driver.nodeStaticData();
		expect(saved.registrations).toEqual({});
	});

	it('replaces a webhook left behind for its URL instead of adding a second one', async () => {
		const driver = await trigger(automatic('apiKey'));
		await driver.activate();
		const firstId = [...emu.state.webhooks.values()].find((w) => w.webhook_url === driver.url)?.id;
		driver.forgetStaticData();
		expect(await driver.activate('update')).toEqual({ created: true });
		const mine = [...emu.state.webhooks.values()].filter((w) => w.webhook_url === driver.url);
		expect(mine).toHaveLength(1);
		expect(mine[0].id).not.toBe(firstId);
		const [delivery] = await settle(emu.simulateTransaction({ amount: 41000 }));
		expect(delivery.status).toBe('success');
	});

	it('keeps the test-URL and production registrations apart', async () => {
		const driver = await trigger(automatic('apiKey'));
		const testUrl = driver.url.replace('/webhook/', '/webhook-test/');
		await driver.activate('activate');
		await driver.activate('manual', testUrl);
		const urls = () => [...emu.state.webhooks.values()].map((w) => w.webhook_url).sort();
		expect(urls()).toEqual([driver.url, testUrl].sort());
		expect(Object.keys(driver.nodeStaticData().registrations as IDataObject).sort()).toEqual(
			[driver.url, testUrl].sort(),
		);

		await driver.deactivate(testUrl);
		expect(urls()).toEqual([driver.url]);
		expect(await driver.activate('update')).toEqual({ created: false });
		const [delivery] = await settle(emu.simulateTransaction({ amount: 52000 }));
		expect(delivery.status).toBe('success');
		expect(driver.executions).toHaveLength(1);
	});

	it('re-registers a webhook deleted in SePay, and deactivates cleanly when it is already gone', async () => {
		const driver = await trigger(automatic('apiKey'));
		await driver.activate();
		const mine = () => [...emu.state.webhooks.values()].filter((w) => w.webhook_url === driver.url);
		emu.state.webhooks.delete(mine()[0].id);
		expect(await driver.activate('update')).toEqual({ created: true });
		expect(mine()).toHaveLength(1);
		emu.state.webhooks.delete(mine()[0].id);
		expect(await driver.deactivate()).toBe(true);
		expect(driver.nodeStaticData().registrations).toEqual({});
	});

	it('re-registers when the verification method changes', async () => {
		const driver = await trigger(automatic('apiKey'));
		await driver.activate();
		driver.setParameters(automatic('hmac'));
		expect(await driver.activate('update')).toEqual({ created: true });
		const mine = [...emu.state.webhooks.values()].filter((w) => w.webhook_url === driver.url);
		expect(mine.map((w) => w.authen_type)).toEqual(['HMAC_SHA256']);
		const [delivery] = await settle(emu.simulateTransaction({ amount: 53000 }));
		expect(delivery.status).toBe('success');
	});

	it('uses the HMAC secret SePay returns on create', async () => {
		const driver = await trigger(automatic('hmac', { direction: 'both' }));
		await driver.activate();
		const webhook = [...emu.state.webhooks.values()].find((w) => w.webhook_url === driver.url);
		expect(webhook?.authen_type).toBe('HMAC_SHA256');
		const [delivery] = await settle(
			emu.simulateTransaction({ amount: 88000, transferType: 'out' }),
		);
		expect([delivery.status, delivery.attempts[0].body]).toEqual(['success', '{"success":true}']);
		expect(driver.executions).toHaveLength(1);
		const saved = driver.nodeStaticData();
		expect(saved.registrations).toEqual({
			[driver.url]: { id: webhook?.id, verification: 'hmac', secret: webhook?.secret_key },
		});
		expect(JSON.stringify(driver.executions)).not.toContain(String(webhook?.secret_key));
	});

	it('limits the SePay webhook to the filtered bank account', async () => {
		const account = emu.state.accounts[0];
		const driver = await trigger(
			automatic('apiKey', { filters: { accountNumbers: account.accountNumber } }),
		);
		await driver.activate();
		const webhook = [...emu.state.webhooks.values()].find((w) => w.webhook_url === driver.url);
		expect(webhook).toEqual(
			expect.objectContaining({ bank_mode: 'single', bank_account_id: account.id }),
		);
	});

	it('answers 401 to deliveries before it registered (no secret yet)', async () => {
		const driver = await trigger(automatic('apiKey'));
		const response = await post(driver.url, sample(), {
			'content-type': 'application/json',
			authorization: 'Apikey anything',
		});
		expect(response.status).toBe(401);
		expect(driver.executions).toHaveLength(0);
	});

	it('does nothing remote in manual mode', async () => {
		const driver = await trigger(manualApiKey());
		emu.clearRequests();
		expect(await driver.activate()).toEqual({ created: false });
		expect(await driver.deactivate()).toBe(true);
		expect(emu.requests.filter((r) => r.path.startsWith('/api/v1'))).toHaveLength(0);
	});
});
