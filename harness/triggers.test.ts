import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import {
	activateWebhook,
	deactivateWebhook,
	NODE_STATIC_DATA_KEY,
	runHook,
	runPoll,
	startWebhookServer,
} from '.';
import { startFixtureApi, type FixtureApi } from './fixtures/api-server';
import { FixturePoll } from './fixtures/FixturePoll.node';
import { createFixtureStore } from './fixtures/store';
import { FixtureTrigger } from './fixtures/FixtureTrigger.node';

let api: FixtureApi;
beforeAll(async () => {
	api = await startFixtureApi();
});
afterAll(async () => await api.close());

/** POST without axios' own (de)serialisation of strings, so raw bodies reach the server as is. */
const post = async (url: string, data: unknown, headers: Record<string, string> = {}) =>
	await axios.post(url, data, {
		headers,
		validateStatus: () => true,
		transformResponse: (r) => r,
		...(typeof data === 'string' ? { transformRequest: (d: unknown) => d } : {}),
	});

describe('startWebhookServer', () => {
	it('runs webhook() per request, answers like n8n and records executions', async () => {
		const staticData: IDataObject = {};
		const server = await startWebhookServer({
			node: new FixtureTrigger(),
			parameters: { secret: 's3cret' },
			store: createFixtureStore(api.baseUrl),
			staticData,
		});
		try {
			expect(server.webhookUrl).toBe(`${server.url}/webhook/harness-webhook-id/webhook`);
			const ok = await post(`${server.webhookUrl}?a=1`, { amount: 5 }, { 'x-secret': 's3cret' });
			expect(ok.status).toBe(200);
			expect(JSON.parse(ok.data as string)).toEqual({ success: true });
			expect(server.executions).toHaveLength(1);
			expect(server.executions[0][0][0].json).toEqual({
				body: { amount: 5 },
				query: { a: '1' },
				rawLength: Buffer.byteLength(JSON.stringify({ amount: 5 })),
				contentType: 'application/json',
				count: 1,
			});

			const denied = await post(server.webhookUrl, { amount: 1 }, { 'x-secret': 'wrong' });
			expect([denied.status, JSON.parse(denied.data as string)]).toEqual([401, { success: false }]);

			const ping = await post(server.webhookUrl, { type: 'ping' }, { 'x-secret': 's3cret' });
			expect(JSON.parse(ping.data as string)).toEqual({ pong: true });
			const silent = await post(server.webhookUrl, { type: 'silent' }, { 'x-secret': 's3cret' });
			expect(JSON.parse(silent.data as string)).toEqual({ message: 'Webhook call received' });

			const crash = await post(server.webhookUrl, { type: 'crash' }, { 'x-secret': 's3cret' });
			expect(crash.status).toBe(500);
			expect(JSON.parse(crash.data as string).message).toBe(
				'Workflow Webhook Error: Workflow could not be started!',
			);
			expect(server.errors.map((e) => e.message)).toEqual(['boom']);

			const invalid = await post(server.webhookUrl, '{"broken', {
				'x-secret': 's3cret',
				'content-type': 'application/json',
			});
			expect(invalid.status).toBe(422);
			expect(JSON.parse(invalid.data as string).message).toBe('Failed to parse request body');

			const form = await post(server.webhookUrl, 'x=1&y=2', {
				'x-secret': 's3cret',
				'content-type': 'application/x-www-form-urlencoded',
			});
			expect(form.status).toBe(200);
			expect(server.executions[1][0][0].json.body).toEqual({ x: '1', y: '2' });

			const unknown = await post(`${server.url}/webhook/other`, {});
			expect(unknown.status).toBe(404);

			// Static data survived across requests: ok, ping, silent, form. Like n8n, a throwing
			// webhook() saves nothing, and a 422 never reaches the node.
			expect((staticData[NODE_STATIC_DATA_KEY] as IDataObject).count).toBe(4);
		} finally {
			await server.close();
		}
	});

	it('answers the literal "firstEntryJson" when the description has no responseData', async () => {
		const server = await startWebhookServer({
			node: new FixtureTrigger({ emptyResponseData: false }),
			store: createFixtureStore(api.baseUrl),
		});
		try {
			const res = await post(server.webhookUrl, { amount: 1 });
			expect(res.data).toBe('firstEntryJson');
			expect(server.executions).toHaveLength(1);
		} finally {
			await server.close();
		}
	});

	it('reads the raw bytes of other content types but leaves the body unparsed (typeVersion 1)', async () => {
		const server = await startWebhookServer({
			node: new FixtureTrigger(),
			store: createFixtureStore(api.baseUrl),
		});
		try {
			const res = await post(server.webhookUrl, 'abc\u0001', {
				'content-type': 'application/octet-stream',
			});
			expect(res.status).toBe(200);
			expect(server.executions[0][0][0].json).toMatchObject({
				body: {},
				rawLength: 4,
				contentType: 'application/octet-stream',
			});
		} finally {
			await server.close();
		}
	});

	it('parses a simple multipart form into { data, files }', async () => {
		const server = await startWebhookServer({
			node: new FixtureTrigger(),
			store: createFixtureStore(api.baseUrl),
		});
		try {
			const form = new FormData();
			form.append('note', 'hi');
			form.append('file', new Blob(['abc'], { type: 'text/plain' }), 'a.txt');
			const res = await fetch(server.webhookUrl, { method: 'POST', body: form });
			expect(res.status).toBe(200);
			const body = server.executions[0][0][0].json.body as IDataObject;
			expect(body.data).toEqual({ note: 'hi' });
			expect(body.files).toMatchObject({
				file: { originalFilename: 'a.txt', mimetype: 'text/plain', size: 3 },
			});
		} finally {
			await server.close();
		}
	});
});

describe('runHook', () => {
	it('creates, finds and deletes the webhook registration with static data', async () => {
		const store = createFixtureStore(api.baseUrl);
		const staticData: IDataObject = {};
		const setup = {
			node: new FixtureTrigger(),
			store,
			staticData,
			webhookBaseUrl: 'https://n8n.example/webhook',
		};
		expect(await runHook({ ...setup, method: 'checkExists' })).toBe(false);
		expect(await activateWebhook(setup)).toEqual({ created: true });
		expect([...api.webhooks.values()]).toEqual([
			'https://n8n.example/webhook/harness-webhook-id/webhook',
		]);
		expect(await activateWebhook(setup)).toEqual({ created: false });
		const hookId = (staticData[NODE_STATIC_DATA_KEY] as IDataObject).hookId as string;
		expect(api.webhooks.has(hookId)).toBe(true);
		expect(await deactivateWebhook(setup)).toBe(true);
		expect(api.webhooks.size).toBe(0);
		expect(staticData[NODE_STATIC_DATA_KEY]).toEqual({});
	});

	it('lets the test choose the URL getNodeWebhookUrl returns', async () => {
		const store = createFixtureStore(api.baseUrl);
		await runHook({
			node: new FixtureTrigger(),
			store,
			method: 'create',
			webhookUrl: 'https://custom/hook',
		});
		expect([...api.webhooks.values()]).toContain('https://custom/hook');
		api.webhooks.clear();
	});
});

describe('runPoll', () => {
	it('emits new events once, keeps the cursor in static data, returns null when idle', async () => {
		const store = createFixtureStore(api.baseUrl);
		const staticData: IDataObject = {};
		const first = await runPoll({ node: new FixturePoll(), store, staticData });
		expect(first?.[0].map((i) => i.json)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
		expect(staticData[NODE_STATIC_DATA_KEY]).toEqual({ lastId: 3 });
		expect(await runPoll({ node: new FixturePoll(), store, staticData })).toBeNull();
		const manual = await runPoll({ node: new FixturePoll(), store, staticData, mode: 'manual' });
		expect(manual?.[0].map((i) => i.json)).toEqual([{ id: 3 }]);
	});
});
