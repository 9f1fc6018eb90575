import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runNode } from '.';
import { startFixtureApi, type FixtureApi } from './fixtures/api-server';
import { FixtureNode } from './fixtures/FixtureNode.node';
import { createFixtureStore } from './fixtures/store';

let api: FixtureApi;
beforeAll(async () => {
	api = await startFixtureApi();
});
afterAll(async () => await api.close());
beforeEach(() => {
	api.requests.length = 0;
});

const items = (...ids: string[]) => ids.map((id) => ({ json: { id } }));
const apiCalls = () => api.requests.filter((r) => r.path.startsWith('/items/'));
const tokenCalls = () => api.requests.filter((r) => r.path === '/token');

describe('runNode through WorkflowExecute', () => {
	it('sends the generic Bearer header and qs of the credential', async () => {
		const store = createFixtureStore(api.baseUrl);
		const { output } = await runNode({
			node: new FixtureNode(),
			parameters: { itemId: '={{ $json.id }}' },
			store,
			items: items('a', 'b'),
		});
		expect(output[0].map((i) => i.json)).toEqual([
			{ id: 'a', token: 'static-token' },
			{ id: 'b', token: 'static-token' },
		]);
		expect(output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(apiCalls().map((r) => [r.headers.authorization, r.query.client])).toEqual([
			['Bearer static-token', 'harness'],
			['Bearer static-token', 'harness'],
		]);
	});

	it('fetches a preAuthentication token once for 3 items and across runs, again after a 401', async () => {
		const store = createFixtureStore(api.baseUrl);
		const params = { authentication: 'preAuth', itemId: '={{ $json.id }}' };
		await runNode({
			node: new FixtureNode(),
			parameters: params,
			store,
			items: items('a', 'b', 'c'),
		});
		await runNode({ node: new FixtureNode(), parameters: params, store, items: items('d', 'e') });
		expect(tokenCalls()).toHaveLength(1);
		expect(store.stats.preAuthentication.fixturePreAuthApi).toBe(1);
		expect(store.getData('fixturePreAuthApi').accessToken).toBe('pre-1');
		expect(new Set(apiCalls().map((r) => r.headers.authorization))).toEqual(
			new Set(['Bearer pre-1']),
		);

		// The API forgets the token: n8n-core retries once with credentialsExpired = true.
		api.validTokens.delete('pre-1');
		api.requests.length = 0;
		const { output } = await runNode({
			node: new FixtureNode(),
			parameters: params,
			store,
			items: items('f', 'g'),
		});
		expect(output[0].map((i) => i.json.token)).toEqual(['pre-2', 'pre-2']);
		expect(tokenCalls()).toHaveLength(1);
		expect(apiCalls().map((r) => r.headers.authorization)).toEqual([
			'Bearer pre-1',
			'Bearer pre-2',
			'Bearer pre-2',
		]);
		expect(store.stats.preAuthentication.fixturePreAuthApi).toBe(2);
		expect(store.stats.updates.fixturePreAuthApi).toBe(2);
		expect(store.getData('fixturePreAuthApi').accessToken).toBe('pre-2');
	});

	it('gives up after one retry when the fresh token is refused as well', async () => {
		const store = createFixtureStore(api.baseUrl);
		api.rejectNext(2);
		await expect(
			runNode({
				node: new FixtureNode(),
				parameters: { authentication: 'preAuth', itemId: 'a' },
				store,
			}),
		).rejects.toBeInstanceOf(NodeApiError);
		expect(apiCalls()).toHaveLength(2);
		expect(tokenCalls()).toHaveLength(2);
	});

	it('refreshes an OAuth2 token at the token URL after a 401 and stores it', async () => {
		const store = createFixtureStore(api.baseUrl);
		const { output } = await runNode({
			node: new FixtureNode(),
			parameters: { authentication: 'oAuth2', itemId: 'x' },
			store,
		});
		const refresh = api.requests.find((r) => r.path === '/oauth/token');
		expect(new URLSearchParams(refresh?.body).get('grant_type')).toBe('refresh_token');
		expect(new URLSearchParams(refresh?.body).get('refresh_token')).toBe('refresh-0');
		// The `$self`-derived hidden default resolved to <baseUrl>/oauth/token.
		expect(refresh?.path).toBe('/oauth/token');
		const newToken = output[0][0].json.token as string;
		expect(apiCalls().map((r) => r.headers.authorization)).toEqual([
			'Bearer expired-token',
			`Bearer ${newToken}`,
		]);
		expect(store.stats.oauthTokenUpdates.fixtureOAuth2Api).toBe(1);
		expect(store.getData('fixtureOAuth2Api').oauthTokenData).toMatchObject({
			access_token: newToken,
		});

		api.requests.length = 0;
		await runNode({
			node: new FixtureNode(),
			parameters: { authentication: 'oAuth2', itemId: 'y' },
			store,
		});
		expect(api.requests.map((r) => r.path)).toEqual(['/items/y']);
	});

	it('fetches a client-credentials token when none is stored and saves it', async () => {
		const store = createFixtureStore(api.baseUrl);
		store.setData('fixtureOAuth2Api', {
			baseUrl: api.baseUrl,
			clientId: 'oauth-client',
			clientSecret: 'oauth-secret',
			grantType: 'clientCredentials',
		});
		const { output } = await runNode({
			node: new FixtureNode(),
			parameters: { authentication: 'oAuth2', itemId: 'z' },
			store,
		});
		const tokenRequest = api.requests.find((r) => r.path === '/oauth/token');
		expect(new URLSearchParams(tokenRequest?.body).get('grant_type')).toBe('client_credentials');
		expect(store.getData('fixtureOAuth2Api').oauthTokenData).toMatchObject({
			access_token: output[0][0].json.token,
		});
		expect(store.stats.oauthTokenUpdates.fixtureOAuth2Api).toBe(1);
	});

	it('throws the NodeApiError the node threw, with the HTTP code', async () => {
		const store = createFixtureStore(api.baseUrl);
		const error = await runNode({
			node: new FixtureNode(),
			parameters: { itemId: 'missing' },
			store,
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	it('throws NodeOperationError from the node', async () => {
		const store = createFixtureStore(api.baseUrl);
		await expect(
			runNode({ node: new FixtureNode(), parameters: { itemId: 'invalid' }, store }),
		).rejects.toBeInstanceOf(NodeOperationError);
	});

	it('continueOnFail turns failures into error items with pairedItem', async () => {
		const store = createFixtureStore(api.baseUrl);
		const { output } = await runNode({
			node: new FixtureNode(),
			parameters: { itemId: '={{ $json.id }}' },
			store,
			items: items('ok1', 'missing', 'invalid'),
			continueOnFail: true,
		});
		expect(output[0]).toEqual([
			{ json: { id: 'ok1', token: 'static-token' }, pairedItem: { item: 0 } },
			{
				json: { error: 'The resource you are requesting could not be found' },
				pairedItem: { item: 1 },
			},
			{ json: { error: 'Item ID is invalid' }, pairedItem: { item: 2 } },
		]);
	});

	it('prepares binary data through n8n-core', async () => {
		const store = createFixtureStore(api.baseUrl);
		const { output } = await runNode({
			node: new FixtureNode(),
			parameters: { operation: 'download' },
			store,
		});
		const binary = output[0][0].binary?.data;
		expect(binary).toMatchObject({ mimeType: 'text/plain', fileName: 'file.txt', bytes: 10 });
		expect(Buffer.from(binary?.data ?? '', 'base64').toString()).toBe('hello file');
	});

	it('reports missing required parameters like n8n does before running', async () => {
		const store = createFixtureStore(api.baseUrl);
		await expect(runNode({ node: new FixtureNode(), parameters: {}, store })).rejects.toThrow(
			/has issues.*itemId/s,
		);
		expect(api.requests).toHaveLength(0);
	});
});
