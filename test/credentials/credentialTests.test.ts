/**
 * Each credential as n8n's "Test" button runs it (defaults, pre-authentication, authenticate,
 * the test request with its expressions) against the emulator, and the hidden OAuth2 fields
 * resolved for each environment.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	NOT_SEPAY_MESSAGE,
	SEPAY_ERROR_MESSAGE,
	SePayApi,
	WRONG_TOKEN_MESSAGE,
} from '../../credentials/SePayApi.credentials';
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
	const additionalData = createAdditionalData(store, 'manual', {
		id: 'w',
		name: 'w',
		nodes: [],
		connections: {},
		active: false,
	} as never);
	return new HarnessCredentialsHelper(store).applyDefaults(
		additionalData,
		store.getData('sePayOAuth2Api'),
		'sePayOAuth2Api',
		'manual',
	);
}

describe('SePay API (token)', () => {
	it('passes with the right token: one bank-account record from API v2, Bearer token sent', async () => {
		// A trailing slash on the base URL is tolerated.
		const store = storeWith({
			sePayApi: {
				environment: 'custom',
				baseUrl: `${emu.baseUrl}/`,
				apiToken: emu.secrets.apiToken,
			},
		});
		const result = await testCredential({ type: 'sePayApi', store });
		expect(result.status).toBe('OK');
		const [request] = emu.requests.filter((r) => r.path === '/v2/bank-accounts');
		expect(request.query.per_page).toBe('1');
		expect(request.headers.authorization).toBe(`Bearer ${emu.secrets.apiToken}`);
	});

	it('fails with a wrong token, naming the Sandbox/Production cause instead of a generic failure', async () => {
		const store = storeWith({
			sePayApi: { environment: 'custom', baseUrl: emu.baseUrl, apiToken: 'nope' },
		});
		const result = await testCredential({ type: 'sePayApi', store });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(WRONG_TOKEN_MESSAGE);
		expect(result.message).toContain('Sandbox (Test Mode)');
		expect(result.message).toContain('Production');
		expect(result.message).not.toContain('nope');
	});

	it('another SePay error, an answer from elsewhere and an unreachable server each fail with their own message', async () => {
		emu.setFaults({ force429: 1, paths: ['/v2/bank-accounts'] });
		const limited = storeWith({
			sePayApi: { environment: 'custom', baseUrl: emu.baseUrl, apiToken: emu.secrets.apiToken },
		});
		expect(await testCredential({ type: 'sePayApi', store: limited })).toEqual({
			status: 'Error',
			message: SEPAY_ERROR_MESSAGE,
		});
		const store = storeWith({
			sePayApi: {
				environment: 'custom',
				baseUrl: `${emu.baseUrl}/nothing-here`,
				apiToken: emu.secrets.apiToken,
			},
		});
		expect(await testCredential({ type: 'sePayApi', store })).toEqual({
			status: 'Error',
			message: NOT_SEPAY_MESSAGE,
		});
		const closed = storeWith({
			sePayApi: { environment: 'custom', baseUrl: 'http://127.0.0.1:9', apiToken: 'x' },
		});
		expect(await testCredential({ type: 'sePayApi', store: closed })).toEqual({
			status: 'Error',
			message: expect.stringContaining('refused the connection'),
		});
	});
});

describe('SePay eInvoice API', () => {
	const data = (clientSecret: string, extra: IDataObject = {}) => ({
		sePayEInvoiceApi: {
			environment: 'custom',
			baseUrl: emu.baseUrl,
			clientId: emu.secrets.einvoiceClientId,
			clientSecret,
			...extra,
		},
	});

	it('passes: the client ID and secret get a token (POST /v1/token, Basic auth)', async () => {
		const result = await testCredential({
			type: 'sePayEInvoiceApi',
			store: storeWith(data(emu.secrets.einvoiceClientSecret)),
		});
		expect(result.status).toBe('OK');
		const basic = Buffer.from(
			`${emu.secrets.einvoiceClientId}:${emu.secrets.einvoiceClientSecret}`,
		).toString('base64');
		expect(
			emu.requests.filter((r) => r.path === '/v1/token').map((r) => r.headers.authorization),
		).toContain(`Basic ${basic}`);
	});

	it('fails with a wrong secret, saying what to check, without echoing it', async () => {
		const result = await testCredential({
			type: 'sePayEInvoiceApi',
			store: storeWith(data('wrong-secret-value')),
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('SePay eInvoice did not issue an access token');
		expect(result.message).not.toContain('wrong-secret-value');
	});

	it('fails with a wrong secret even while a valid token is still stored (n8n keeps it when the form is edited)', async () => {
		const good = storeWith(data(emu.secrets.einvoiceClientSecret));
		expect((await testCredential({ type: 'sePayEInvoiceApi', store: good })).status).toBe('OK');
		const token = String(good.getData('sePayEInvoiceApi').accessToken);
		expect(token).not.toBe('');
		// (The harness runs preAuthentication on every test; n8n 2.8 skips it while a token is stored,
		// which the browser suite's credential check reproduces.)
		const edited = storeWith(data('wrong-secret-value', { accessToken: token }));
		const result = await testCredential({ type: 'sePayEInvoiceApi', store: edited });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('SePay eInvoice did not issue an access token');
	});

	it('an answer that is not the eInvoice API fails', async () => {
		const store = storeWith(
			data(emu.secrets.einvoiceClientSecret, { baseUrl: `${emu.baseUrl}/elsewhere` }),
		);
		expect(await testCredential({ type: 'sePayEInvoiceApi', store })).toEqual({
			status: 'Error',
			message: expect.any(String),
		});
	});
});

describe('SePay OAuth2 API', () => {
	it('resolves the authorization and token URLs from the environment', () => {
		const customData = resolved({
			environment: 'custom',
			baseUrl: `${emu.baseUrl}/`,
			clientId: 'a',
			clientSecret: 'b',
		});
		expect(customData.authUrl).toBe(`${emu.baseUrl}/oauth/authorize`);
		expect(customData.accessTokenUrl).toBe(`${emu.baseUrl}/oauth/token`);
		expect(customData.authentication).toBe('body');
		expect(customData.grantType).toBe('authorizationCode');
		expect(String(customData.scope).split(' ')).toEqual(
			expect.arrayContaining([
				'bank-account:read',
				'transaction:read',
				'webhook:write',
				'webhook:delete',
				'profile',
				'company',
			]),
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
		const unconnected = storeWith({
			sePayOAuth2Api: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				clientId: 'a',
				clientSecret: 'b',
			},
		});
		expect((await testCredential({ type: 'sePayOAuth2Api', store: unconnected })).status).toBe(
			'Error',
		);
	});
});
