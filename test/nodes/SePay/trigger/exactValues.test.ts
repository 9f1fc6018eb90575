/**
 * Issue 11: a transaction id is an opaque, exact value; bodies no SePay sender produces never run
 * a workflow; the API key is compared as bytes. Real HTTP to the trigger on n8n's webhook context.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SePayTrigger } from '../../../../nodes/SePay/SePayTrigger.node';
import type { Emulator } from '../../../../emulator';
import type { CredentialStore } from '../../../../harness/credential-store';
import { serveWebhook, type WebhookDriver } from './support/driver';
import { startSePay } from './support/sepay';

const KEY = 'exact-key-5c1e9a7b3d';

let emu: Emulator;
let store: CredentialStore;
const drivers: WebhookDriver[] = [];

beforeAll(async () => {
	({ emu, store } = await startSePay());
});
afterAll(async () => {
	await Promise.all(drivers.map(async (d) => await d.close()));
	await emu.close();
});

async function trigger(extra: INodeParameters = {}, apiKey = KEY): Promise<WebhookDriver> {
	const parameters = {
		registration: 'manual',
		verification: 'apiKey',
		apiKey,
		direction: 'both',
		...extra,
	};
	const driver = await serveWebhook({ node: new SePayTrigger(), parameters, store });
	drivers.push(driver);
	return driver;
}

/** A SePay delivery as JSON text; `id`, amounts etc. are spliced in as raw JSON tokens. */
function jsonBody(tokens: {
	id: string;
	amount?: string;
	accumulated?: string;
	extra?: string;
}): string {
	return (
		`{"id":${tokens.id},"gateway":"ACB","transactionDate":"2026-11-23 10:00:00","accountNumber":"1",` +
		`"subAccount":null,"code":null,"content":"DH1","transferType":"in","description":"",` +
		`"transferAmount":${tokens.amount ?? '50000'},"accumulated":${tokens.accumulated ?? '0'},"referenceCode":"FT1"${tokens.extra ?? ''}}`
	);
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
	const response = await fetch(url, {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/json', authorization: `Apikey ${KEY}`, ...headers },
	});
	return { status: response.status, body: await response.text() };
}

describe('transaction ids survive exactly', () => {
	it('ids past 2^53 stay distinct, are output as their exact text, and replays still run once', async () => {
		const driver = await trigger();
		for (const id of [
			'9007199254740993',
			'9007199254740992',
			'9007199254740993',
			'123456789012345678901234567890',
		]) {
			expect((await post(driver.url, jsonBody({ id }))).status).toBe(200);
		}
		expect(driver.executions.map((e) => e.items[0].json.id)).toEqual([
			'9007199254740993',
			'9007199254740992',
			'123456789012345678901234567890',
		]);
	});

	it('a safe integer id stays a number', async () => {
		const driver = await trigger();
		await post(driver.url, jsonBody({ id: '9007199254740991' }));
		expect(driver.executions[0].items[0].json.id).toBe(9007199254740991);
	});

	it('string ids stay strings: "00012345" is not 12345, "0077001" is not "77001"', async () => {
		const driver = await trigger();
		for (const id of ['"00012345"', '12345', '"0077001"', '"77001"', '"0077001"'])
			await post(driver.url, jsonBody({ id }));
		expect(driver.executions.map((e) => e.items[0].json.id)).toEqual([
			'00012345',
			12345,
			'0077001',
			'77001',
		]);
	});

	it('form bodies: exact ids too, a leading zero keeps the text', async () => {
		const driver = await trigger({ options: { simplify: false } });
		const form = (id: string) =>
			new URLSearchParams({
				id,
				gateway: 'ACB',
				transferType: 'in',
				transferAmount: '9007199254740993',
				accumulated: '',
			}).toString();
		const headers = { 'content-type': 'application/x-www-form-urlencoded' };
		for (const id of [
			'9007199254740993',
			'9007199254740992',
			'00012345',
			'12345',
			'9007199254740993',
		]) {
			await post(driver.url, form(id), headers);
		}
		const outputs = driver.executions.map((e) => e.items[0].json);
		expect(outputs.map((json) => json.id)).toEqual([
			'9007199254740993',
			'9007199254740992',
			'00012345',
			12345,
		]);
		expect(outputs[0]).toEqual({
			id: '9007199254740993',
			gateway: 'ACB',
			transferType: 'in',
			transferAmount: '9007199254740993',
			accumulated: null,
		});
	});

	it('id 0 (SePay dashboard test) runs every time and is never remembered', async () => {
		const driver = await trigger();
		await post(driver.url, jsonBody({ id: '0' }));
		await post(driver.url, jsonBody({ id: '0' }));
		expect(driver.executions).toHaveLength(2);
		expect(driver.nodeStaticData().seenTransactionIds ?? []).toEqual([]);
	});
});

describe('amounts and balances survive exactly', () => {
	it('past 2^53 they are exact texts, with Simplify on and off', async () => {
		const simple = await trigger();
		const raw = await trigger({ options: { simplify: false } });
		const body = jsonBody({
			id: '1',
			amount: '9007199254740993',
			accumulated: '12345678901234567890.50',
		});
		await post(simple.url, body);
		await post(raw.url, body);
		expect(simple.executions[0].items[0].json).toMatchObject({
			amount: '9007199254740993',
			balance: '12345678901234567890.50',
		});
		expect(raw.executions[0].items[0].json).toMatchObject({
			transferAmount: '9007199254740993',
			accumulated: '12345678901234567890.50',
		});
	});

	it('ordinary amounts stay numbers (also SePay\'s "18067000.00" texts)', async () => {
		const driver = await trigger();
		await post(driver.url, jsonBody({ id: '2', amount: '"18067000.00"', accumulated: '19077000' }));
		expect(driver.executions[0].items[0].json).toMatchObject({
			amount: 18067000,
			balance: 19077000,
		});
	});

	it.each([
		['a negative amount', '-50000'],
		['a negative amount as text', '"-50000"'],
		['an amount past the largest double', '1e400'],
		['"Infinity"', '"Infinity"'],
		['"NaN"', '"NaN"'],
	])('%s is a 400 and runs nothing', async (_name, amount) => {
		const driver = await trigger();
		expect((await post(driver.url, jsonBody({ id: '3', amount }))).status).toBe(400);
		expect(driver.executions).toHaveLength(0);
	});

	it('a non-finite balance is a 400', async () => {
		const driver = await trigger();
		expect((await post(driver.url, jsonBody({ id: '4', accumulated: '-1e999' }))).status).toBe(400);
		expect(driver.executions).toHaveLength(0);
	});
});

describe('unknown fields: small and shallow only', () => {
	it('a 40 KB body nested 20,000 levels is a 400 and runs nothing', async () => {
		const driver = await trigger({ options: { simplify: false } });
		const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
		expect((await post(driver.url, jsonBody({ id: '5', extra: `,"x":${deep}` }))).status).toBe(400);
		expect(driver.executions).toHaveLength(0);
		expect(driver.crashes).toEqual([]);
	});

	it("Simplify off passes SePay's fields and small shallow unknown fields; deep or large ones are left out", async () => {
		const driver = await trigger({ options: { simplify: false } });
		const extra =
			',"orderInfo":{"lines":[{"sku":"A1","qty":2}]},"tooDeep":{"a":{"b":{"c":{"d":1}}}},' +
			`"tooLarge":"${'x'.repeat(2000)}","big":18446744073709551617,"__proto__":{"polluted":true}`;
		expect((await post(driver.url, jsonBody({ id: '6', extra }))).status).toBe(200);
		const json = driver.executions[0].items[0].json;
		expect(json.orderInfo).toEqual({ lines: [{ sku: 'A1', qty: 2 }] });
		expect(json.big).toBe('18446744073709551617');
		expect(json).not.toHaveProperty('tooDeep');
		expect(json).not.toHaveProperty('tooLarge');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(json)).toEqual(
			expect.arrayContaining(['id', 'gateway', 'content', 'transferAmount', 'accumulated']),
		);
	});

	it('at most 20 unknown fields are passed on', async () => {
		const driver = await trigger({ options: { simplify: false } });
		const extra = Array.from({ length: 50 }, (_, i) => `,"f${i}":${i}`).join('');
		await post(driver.url, jsonBody({ id: '7', extra }));
		const keys = Object.keys(driver.executions[0].items[0].json).filter((k) => /^f\d+$/.test(k));
		expect(keys).toHaveLength(20);
	});
});

describe('API key: bytes, constant time, known scheme variants', () => {
	const UTF8_KEY = 'khóa-bí-mật-🔑-Đ';
	/** What a client sending the key as UTF-8 puts on the wire (fetch sends each char as one byte). */
	const wire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

	it('a non-ASCII key sent as UTF-8 is accepted; another key is not', async () => {
		const driver = await trigger({}, UTF8_KEY);
		expect(
			(await post(driver.url, jsonBody({ id: '8' }), { authorization: wire(`Apikey ${UTF8_KEY}`) }))
				.status,
		).toBe(200);
		expect(
			(
				await post(driver.url, jsonBody({ id: '9' }), {
					authorization: wire(`Apikey ${UTF8_KEY.slice(0, -1)}D`),
				})
			).status,
		).toBe(401);
		expect(driver.executions).toHaveLength(1);
	});

	it.each([
		`apikey ${KEY}`,
		`APIKEY   ${KEY}`,
		`\tApiKey\t${KEY}\t`,
		`Bearer Apikey ${KEY}`,
		`bearer  APIKEY ${KEY}`,
	])('accepts %j', async (authorization) => {
		const driver = await trigger();
		expect((await post(driver.url, jsonBody({ id: '10' }), { authorization })).status).toBe(200);
	});

	it.each([
		`Bearer ${KEY}`,
		`Basic ${KEY}`,
		`Apikey:${KEY}`,
		`Apikey${KEY}`,
		`Bearer Bearer Apikey ${KEY}`,
		`Apikey Apikey ${KEY}`,
		'Apikey',
		`Token ${KEY}`,
	])('refuses %j', async (authorization) => {
		const driver = await trigger();
		expect((await post(driver.url, jsonBody({ id: '11' }), { authorization })).status).toBe(401);
		expect(driver.executions).toHaveLength(0);
	});
});
