/**
 * Each credential as n8n's "Test" button runs it (defaults, pre-authentication, authenticate,
 * the test request with its expressions) against the emulator, and the hidden OAuth2 fields
 * resolved for each environment.
 */
import type { IDataObject } from 'n8n-workflow';

import { SePayApi } from '../../credentials/SePayApi.credentials';
import { SePayEInvoiceApi } from '../../credentials/SePayEInvoiceApi.credentials';
import { SePayOAuth2Api } from '../../credentials/SePayOAuth2Api.credentials';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';
import { createCredentialStore, HarnessCredentialsHelper, testCredential } from '../../harness';
import { createAdditionalData } from '../../harness/additional-data';

const credentialTypes = [new SePayApi(), new SePayOAuth2Api(), new SePayEInvoiceApi()];
let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, seed: 3 });
});

afterAll(async () => {
	await emu.close();
});

beforeEach(() => emu.clearRequests());

function storeWith(data: Record<string, IDataObject>) {
	return createCredentialStore(data as never, { credentialTypes });
}

/** The credential's data as n8n hands it to the OAuth2 client: defaults applied, expressions resolved. */
function resolved(data: IDataObject): IDataObject {
	const store = storeWith({ sePayOAuth2Api: data });
	const additionalData = createAdditionalData(store, 'manual', { id: 'w', name: 'w', nodes: [], connections: {}, active: false } as never);
	return new HarnessCredentialsHelper(store).applyDefaults(additionalData, store.getData('sePayOAuth2Api'), 'sePayOAuth2Api', 'manual');
}

describe('SePay API (token)', () => {
	it('passes with the right token: one bank-account record from API v2, Bearer token sent', async () => {
		// A trailing slash on the base URL is tolerated.
		const store = storeWith({ sePayApi: { environment: 'custom', baseUrl: `${emu.baseUrl}/`, apiToken: emu.secrets.apiToken } });
		const result = await testCredential({ type: 'sePayApi', store });
		expect(result.status).toBe('OK');
		const [request] = emu.requests.filter((r) => r.path === '/v2/bank-accounts');
		expect(request.query.per_page).toBe('1');
		expect(request.headers.authorization).toBe(`Bearer ${emu.secrets.apiToken}`);
	});

	it('fails with a wrong token', async () => {
		const store = storeWith({ sePayApi: { environment: 'custom', baseUrl: emu.baseUrl, apiToken: 'nope' } });
		const result = await testCredential({ type: 'sePayApi', store });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('nope');
	});
});

describe('SePay eInvoice API', () => {
	it('passes: fetches a token with Basic auth, stores it, and calls /v1/usage with it', async () => {
		const store = storeWith({
			sePayEInvoiceApi: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				clientId: emu.secrets.einvoiceClientId,
				clientSecret: emu.secrets.einvoiceClientSecret,
			},
		});
		const result = await testCredential({ type: 'sePayEInvoiceApi', store });
		expect(result.status).toBe('OK');
		expect(emu.countRequests('POST', '/v1/token')).toBe(1);
		const token = String(store.getData('sePayEInvoiceApi').accessToken);
		const [usage] = emu.requests.filter((r) => r.path === '/v1/usage');
		expect(usage.headers.authorization).toBe(`Bearer ${token}`);
	});

	it('fails with a wrong secret, without echoing it', async () => {
		const store = storeWith({
			sePayEInvoiceApi: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				clientId: emu.secrets.einvoiceClientId,
				clientSecret: 'wrong-secret-value',
			},
		});
		const result = await testCredential({ type: 'sePayEInvoiceApi', store });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('wrong-secret-value');
	});
});

describe('SePay OAuth2 API', () => {
	it('resolves the authorization and token URLs from the environment', () => {
		const customData = resolved({ environment: 'custom', baseUrl: `${emu.baseUrl}/`, clientId: 'a', clientSecret: 'b' });
		expect(customData.authUrl).toBe(`${emu.baseUrl}/oauth/authorize`);
		expect(customData.accessTokenUrl).toBe(`${emu.baseUrl}/oauth/token`);
		expect(customData.authentication).toBe('body');
		expect(customData.grantType).toBe('authorizationCode');
		expect(String(customData.scope).split(' ')).toEqual(
			expect.arrayContaining(['bank-account:read', 'transaction:read', 'webhook:write', 'webhook:delete', 'profile', 'company']),
		);

		const productionData = resolved({ clientId: 'a', clientSecret: 'b' });
		expect(productionData.authUrl).toBe('https://my.sepay.vn/oauth/authorize');
		expect(productionData.accessTokenUrl).toBe('https://my.sepay.vn/oauth/token');
	});

	it('a connected credential tests OK, an unconnected one says so', async () => {
		const connected = storeWith({
			sePayOAuth2Api: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				clientId: emu.secrets.oauthClientId,
				clientSecret: emu.secrets.oauthClientSecret,
				oauthTokenData: emu.issueOAuthToken() as unknown as IDataObject,
			},
		});
		expect((await testCredential({ type: 'sePayOAuth2Api', store: connected })).status).toBe('OK');
		const unconnected = storeWith({ sePayOAuth2Api: { environment: 'custom', baseUrl: emu.baseUrl, clientId: 'a', clientSecret: 'b' } });
		expect((await testCredential({ type: 'sePayOAuth2Api', store: unconnected })).status).toBe('Error');
	});
});
