/**
 * The transport over real HTTP: n8n-core's httpRequestWithAuthentication with our credentials,
 * against the SePay emulator.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { SePayApi } from '../../../../credentials/SePayApi.credentials';
import { SePayEInvoiceApi } from '../../../../credentials/SePayEInvoiceApi.credentials';
import { SePayOAuth2Api } from '../../../../credentials/SePayOAuth2Api.credentials';
import { startEmulator } from '../../../../emulator';
import type { Emulator } from '../../../../emulator';
import { createCredentialStore, runNode } from '../../../../harness';
import type { CredentialStore } from '../../../../harness';
import { TransportProbe } from './fixtures/TransportProbe.node';

let emu: Emulator;
let store: CredentialStore;
const probe = new TransportProbe();
const credentialTypes = [new SePayApi(), new SePayOAuth2Api(), new SePayEInvoiceApi()];

function freshStore(overrides: Record<string, IDataObject> = {}): CredentialStore {
	const custom = { environment: 'custom', baseUrl: emu.baseUrl, requestsPerSecond: 1000 };
	return createCredentialStore(
		{
			sePayApi: { ...custom, apiToken: emu.secrets.apiToken, ...overrides.sePayApi },
			sePayOAuth2Api: {
				...custom,
				clientId: emu.secrets.oauthClientId,
				clientSecret: emu.secrets.oauthClientSecret,
				oauthTokenData: emu.issueOAuthToken() as unknown as IDataObject,
				...overrides.sePayOAuth2Api,
			},
			sePayEInvoiceApi: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				clientId: emu.secrets.einvoiceClientId,
				clientSecret: emu.secrets.einvoiceClientSecret,
				...overrides.sePayEInvoiceApi,
			},
		} as never,
		{ credentialTypes },
	);
}

const CREDENTIAL_FOR: Record<string, string> = {
	apiToken: 'sePayApi',
	oAuth2: 'sePayOAuth2Api',
	einvoice: 'sePayEInvoiceApi',
};

async function probeRun(
	parameters: IDataObject,
	options: { items?: number; store?: CredentialStore; continueOnFail?: boolean } = {},
) {
	const api = String(parameters.api ?? 'apiToken');
	return await runNode({
		node: probe,
		store: options.store ?? store,
		parameters: parameters as never,
		credentials: [CREDENTIAL_FOR[api]],
		items: Array.from({ length: options.items ?? 1 }, (_, i) => ({ json: { i } })),
		continueOnFail: options.continueOnFail,
	});
}

async function expectApiError(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(NodeApiError);
		return error as NodeApiError;
	}
	throw new Error('expected a NodeApiError');
}

beforeEach(async () => {
	emu = await startEmulator({ port: 0, seed: 7, transactions: 300 });
	store = freshStore();
});

afterEach(async () => {
	await emu.close();
});

describe('credentials on the wire', () => {
	it('API token: Bearer token to API v2', async () => {
		const { output } = await probeRun({ api: 'apiToken', path: '/bank-accounts' });
		expect(Array.isArray(output[0][0].json.data)).toBe(true);
		const request = emu.requests.find((r) => r.path === '/v2/bank-accounts');
		expect(request?.headers.authorization).toBe(`Bearer ${emu.secrets.apiToken}`);
	});

	it('OAuth2: the stored access token to the OAuth2 API', async () => {
		const token = (store.getData('sePayOAuth2Api').oauthTokenData as IDataObject).access_token;
		await probeRun({ api: 'oAuth2', path: '/me' });
		const request = emu.requests.find((r) => r.path === '/api/v1/me');
		expect(request?.headers.authorization).toBe(`Bearer ${String(token)}`);
	});

	it('eInvoice: one Basic-auth token request, then the bearer token on every call', async () => {
		await probeRun({ api: 'einvoice', path: '/usage' }, { items: 5 });
		const tokenRequests = emu.requests.filter((r) => r.method === 'POST' && r.path === '/v1/token');
		expect(tokenRequests).toHaveLength(1);
		const basic = Buffer.from(
			`${emu.secrets.einvoiceClientId}:${emu.secrets.einvoiceClientSecret}`,
		).toString('base64');
		expect(tokenRequests[0].headers.authorization).toBe(`Basic ${basic}`);
		const usage = emu.requests.filter((r) => r.path === '/v1/usage');
		expect(usage).toHaveLength(5);
		const stored = String(store.getData('sePayEInvoiceApi').accessToken);
		expect(stored.length).toBeGreaterThan(10);
		for (const r of usage) expect(r.headers.authorization).toBe(`Bearer ${stored}`);
	});
});

describe('token economy', () => {
	it('eInvoice: the token is reused across executions and fetched once more after a 401', async () => {
		await probeRun({ api: 'einvoice', path: '/usage' }, { items: 3 });
		await probeRun({ api: 'einvoice', path: '/usage' }, { items: 3 });
		expect(emu.countRequests('POST', '/v1/token')).toBe(1);
		emu.expireTokens();
		await probeRun({ api: 'einvoice', path: '/usage' }, { items: 3 });
		expect(emu.countRequests('POST', '/v1/token')).toBe(2);
		// 3 + 3, then the first item: refused once, resent (through the pacer) with the new token;
		// then 2 more
		expect(emu.countRequests('GET', '/v1/usage')).toBe(10);
	});

	it('OAuth2: an expired access token is refreshed at the token URL and the call succeeds', async () => {
		const before = (store.getData('sePayOAuth2Api').oauthTokenData as IDataObject).access_token;
		emu.expireTokens();
		const { output } = await probeRun({ api: 'oAuth2', path: '/me' });
		expect((output[0][0].json.data as IDataObject).email).toBeDefined();
		const refresh = emu.requests.filter((r) => r.path === '/oauth/token');
		expect(refresh).toHaveLength(1);
		expect((refresh[0].body as IDataObject).grant_type).toBe('refresh_token');
		// client id/secret travel in the body (SePay reads them there)
		expect((refresh[0].body as IDataObject).client_id).toBe(emu.secrets.oauthClientId);
		const after = (store.getData('sePayOAuth2Api').oauthTokenData as IDataObject).access_token;
		expect(after).not.toBe(before);
	});
});

describe('rate limits and retries', () => {
	it('waits as SePay asks after a 429 and then succeeds', async () => {
		emu.setFaults({ force429: 2 });
		const { output } = await probeRun({ api: 'apiToken', path: '/bank-accounts' });
		expect(output[0]).toHaveLength(1);
		expect(emu.requests.filter((r) => r.path === '/v2/bank-accounts').map((r) => r.status)).toEqual(
			[429, 429, 200],
		);
	});

	it('gives up after 5 retries of a 429 with a clear message', async () => {
		emu.setFaults({ force429: 20, paths: ['/v2/'] });
		const error = await expectApiError(probeRun({ api: 'apiToken', path: '/bank-accounts' }));
		expect(error.message).toContain('rate limiting after 5 retries (429)');
		expect(emu.requests.filter((r) => r.path === '/v2/bank-accounts')).toHaveLength(6);
	}, 30000);

	it('retries a read after a 5xx at most 3 times', async () => {
		emu.setFaults({ failNext: 10, failStatus: 503, paths: ['/v2/'] });
		const error = await expectApiError(probeRun({ api: 'apiToken', path: '/bank-accounts' }));
		expect(error.message).toContain('server problem (503)');
		expect(error.httpCode).toBe('503');
		expect(emu.requests.filter((r) => r.path === '/v2/bank-accounts')).toHaveLength(4);
	});

	it('recovers when a read fails once', async () => {
		emu.setFaults({ failNext: 1, failStatus: 500, paths: ['/v2/'] });
		const { output } = await probeRun({ api: 'apiToken', path: '/bank-accounts' });
		expect(output[0]).toHaveLength(1);
	});

	it('never repeats a write after a 5xx', async () => {
		emu.setFaults({ failNext: 1, failStatus: 502, paths: ['/api/v1/'] });
		const body = JSON.stringify({
			webhook_url: 'http://127.0.0.1:9/hook',
			event_type: 'In_only',
			authen_type: 'No_Authen',
			bank_account_id: 0,
			name: 'probe',
			request_content_type: 'Json',
			is_verify_payment: 0,
			skip_if_no_code: 0,
			active: 1,
		});
		await expectApiError(probeRun({ api: 'oAuth2', method: 'POST', path: '/webhooks', body }));
		expect(
			emu.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/webhooks'),
		).toHaveLength(1);
	});
});

describe('pagination over HTTP', () => {
	it('Return All reads every transaction once; Limit is exact', async () => {
		const all = await probeRun({ api: 'apiToken', path: '/transactions', all: true });
		const records = all.output[0][0].json.records as IDataObject[];
		expect(records).toHaveLength(300);
		expect(new Set(records.map((r) => r.id)).size).toBe(300);
		const pages = emu.requests.filter((r) => r.path === '/v2/transactions');
		expect(pages.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		expect(pages.every((r) => r.query.per_page === '100')).toBe(true);

		const limited = await probeRun({ api: 'oAuth2', path: '/transactions', limit: 42 });
		expect((limited.output[0][0].json.records as IDataObject[]).length).toBe(42);
		const v1 = emu.requests.filter((r) => r.path === '/api/v1/transactions');
		expect(v1).toHaveLength(1);
		expect(v1[0].query.limit).toBe('42');
	});
});

describe('errors', () => {
	it("keeps SePay's code and message, explains what to do, and shows no secret", async () => {
		const wrongToken = 'WRONG-TOKEN-1234567890-SECRET';
		const local = freshStore({ sePayApi: { apiToken: wrongToken } });
		const error = await expectApiError(
			probeRun({ api: 'apiToken', path: '/bank-accounts' }, { store: local }),
		);
		expect(error.message).toContain('401');
		expect(error.message).toContain('unauthorized');
		expect(error.description).toContain('API Access');
		const shown = JSON.stringify({
			message: error.message,
			description: error.description,
			context: error.context,
			messages: error.messages,
		});
		expect(shown).not.toContain(wrongToken);
		expect(JSON.stringify(error)).not.toContain(wrongToken);
	});

	it("an unknown record is a 404 with SePay's message", async () => {
		const error = await expectApiError(
			probeRun({ api: 'apiToken', path: '/transactions/00000000-0000-4000-8000-000000000000' }),
		);
		expect(error.httpCode).toBe('404');
		expect(error.message).toContain('no such record');
	});

	it('eInvoice: wrong client secret is a readable error without the secret', async () => {
		const secret = 'not-the-right-secret-XYZ';
		const local = freshStore({ sePayEInvoiceApi: { clientSecret: secret } });
		let caught: unknown;
		try {
			await probeRun({ api: 'einvoice', path: '/usage' }, { store: local });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeDefined();
		const text = `${(caught as Error).message} ${(caught as NodeApiError).description ?? ''}`;
		expect(text).toContain('client ID');
		expect(JSON.stringify(caught)).not.toContain(secret);
		expect(text).not.toContain(secret);
	});
});
