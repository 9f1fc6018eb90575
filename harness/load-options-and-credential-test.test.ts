import { runListSearch, runLoadOptions, testCredential } from '.';
import { startFixtureApi, type FixtureApi } from './fixtures/api-server';
import { FixtureNode } from './fixtures/FixtureNode.node';
import { createFixtureStore } from './fixtures/store';

let api: FixtureApi;
beforeAll(async () => {
	api = await startFixtureApi();
});
afterAll(async () => await api.close());

describe('runLoadOptions / runListSearch', () => {
	it('loads options with the credential the node parameters select', async () => {
		const store = createFixtureStore(api.baseUrl);
		const options = await runLoadOptions({
			node: new FixtureNode(),
			method: 'getThings',
			parameters: { authentication: 'preAuth' },
			store,
		});
		expect(options).toEqual([
			{ name: 'Alpha', value: 't1' },
			{ name: 'Beta', value: 't2' },
		]);
		expect(store.stats.preAuthentication.fixturePreAuthApi).toBe(1);
	});

	it('passes the filter to listSearch', async () => {
		const store = createFixtureStore(api.baseUrl);
		const result = await runListSearch({
			node: new FixtureNode(),
			method: 'searchThings',
			filter: 'bet',
			store,
		});
		expect(result.results).toEqual([{ name: 'Beta', value: 't2' }]);
	});
});

describe('testCredential', () => {
	it('reports OK for a working token and resolves baseURL from the credential', async () => {
		const store = createFixtureStore(api.baseUrl);
		api.requests.length = 0;
		expect(await testCredential({ type: 'fixtureTokenApi', store })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(api.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
			['/me', 'Bearer static-token'],
		]);
	});

	it("reports the failure for a wrong token with n8n-core's NodeApiError message", async () => {
		const store = createFixtureStore(api.baseUrl);
		store.setData('fixtureTokenApi', { baseUrl: api.baseUrl, apiToken: 'wrong' });
		const result = await testCredential({ type: 'fixtureTokenApi', store });
		// n8n 2.8's NodeApiError keeps no `cause`, so the tester reports the error message.
		expect(result).toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
	});

	it('always runs preAuthentication when testing, even with a stored token', async () => {
		const store = createFixtureStore(api.baseUrl);
		store.setData('fixturePreAuthApi', {
			baseUrl: api.baseUrl,
			clientId: 'fixture-id',
			clientSecret: 'fixture-secret',
			accessToken: 'stale',
		});
		expect((await testCredential({ type: 'fixturePreAuthApi', store })).status).toBe('OK');
		expect(store.stats.preAuthentication.fixturePreAuthApi).toBe(1);
		expect(store.getData('fixturePreAuthApi').accessToken).not.toBe('stale');
	});

	it('reports the preAuthentication failure for a wrong client secret', async () => {
		const store = createFixtureStore(api.baseUrl);
		store.setData('fixturePreAuthApi', {
			baseUrl: api.baseUrl,
			clientId: 'fixture-id',
			clientSecret: 'bad',
		});
		expect((await testCredential({ type: 'fixturePreAuthApi', store })).status).toBe('Error');
	});

	it('judges OAuth2 credentials without test by their token', async () => {
		const store = createFixtureStore(api.baseUrl);
		expect((await testCredential({ type: 'fixtureOAuth2Api', store })).status).toBe('OK');
		store.setData('fixtureOAuth2Api', { baseUrl: api.baseUrl });
		expect((await testCredential({ type: 'fixtureOAuth2Api', store })).status).toBe('Error');
	});
});
