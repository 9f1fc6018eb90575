/**
 * Issue 11: nothing starts before Retry-After, on any path. A token that expires in the middle of
 * a Return All is renewed once, costs one 401, and the resend takes its slot from the pacer; a 429
 * on that resend is waited out for as long as SePay asked. The emulator's strict rate limit (SePay
 * v2: per IP, before authentication, blocked until Retry-After) records every early request.
 *
 * Real time is spent only where SePay's Retry-After is the subject (2 s); the pace is 10/s so
 * 2,000 transactions take ~2 s. Early requests are measured by the emulator on the same clock as
 * the pacer, so the outcome does not depend on how busy the machine is.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { SePayApi } from '../../../../credentials/SePayApi.credentials';
import { SePayEInvoiceApi } from '../../../../credentials/SePayEInvoiceApi.credentials';
import { SePayOAuth2Api } from '../../../../credentials/SePayOAuth2Api.credentials';
import { startEmulator } from '../../../../emulator';
import type { Emulator, RecordedRequest } from '../../../../emulator';
import { createCredentialStore, runNode } from '../../../../harness';
import type { CredentialStore } from '../../../../harness';
import { TransportProbe } from './fixtures/TransportProbe.node';

const PACE = 10;
const COUNT = 2_000;

let emu: Emulator;
let store: CredentialStore;

function freshStore(): CredentialStore {
	const custom = { environment: 'custom', baseUrl: emu.baseUrl, requestsPerSecond: PACE };
	return createCredentialStore(
		{
			sePayOAuth2Api: {
				...custom,
				clientId: emu.secrets.oauthClientId,
				clientSecret: emu.secrets.oauthClientSecret,
				oauthTokenData: emu.issueOAuthToken() as unknown as IDataObject,
			},
			sePayEInvoiceApi: {
				...custom,
				clientId: emu.secrets.einvoiceClientId,
				clientSecret: emu.secrets.einvoiceClientSecret,
			},
		} as never,
		{ credentialTypes: [new SePayApi(), new SePayOAuth2Api(), new SePayEInvoiceApi()] },
	);
}

async function probe(parameters: IDataObject, items = 1) {
	const credential = parameters.api === 'einvoice' ? 'sePayEInvoiceApi' : 'sePayOAuth2Api';
	return await runNode({
		node: new TransportProbe(),
		store,
		parameters: parameters as never,
		credentials: [credential],
		items: Array.from({ length: items }, (_, i) => ({ json: { i } })),
	});
}

const apiCalls = (prefix: string): RecordedRequest[] =>
	emu.requests.filter((r) => r.path.startsWith(prefix) && r.path !== '/v1/token');

beforeEach(async () => {
	emu = await startEmulator({
		port: 0,
		seed: 11,
		transactions: COUNT,
		rateLimit: { perSecond: PACE, strict: true },
	});
	store = freshStore();
});
afterEach(async () => {
	await emu.close();
});

describe('a token expiring in the middle of Return All', () => {
	it('OAuth2: 2,000 transactions through two expiries, one refresh and one 401 each, 0 early requests', async () => {
		emu.setFaults({ expireTokensEvery: 9, paths: ['/api/v1/'] });
		const { output } = await probe({ api: 'oAuth2', path: '/transactions', all: true });
		const records = output[0][0].json.records as IDataObject[];
		expect(records).toHaveLength(COUNT);
		expect(new Set(records.map((r) => r.id)).size).toBe(COUNT);
		const statuses = apiCalls('/api/v1/').map((r) => r.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(2);
		expect(emu.countRequests('POST', '/oauth/token')).toBe(2);
		expect(statuses.filter((s) => s === 429)).toHaveLength(0);
		expect(emu.earlyRequests).toEqual([]);
	});

	it('eInvoice: 40 calls through two expiries, one new token and one 401 each, 0 early requests', async () => {
		await probe({ api: 'einvoice', path: '/usage' });
		emu.clearRequests();
		emu.setFaults({ expireTokensEvery: 15, paths: ['/v1/usage'] });
		await probe({ api: 'einvoice', path: '/usage' }, 40);
		const statuses = apiCalls('/v1/').map((r) => r.status);
		expect(statuses.filter((s) => s === 200)).toHaveLength(40);
		expect(statuses.filter((s) => s === 401)).toHaveLength(2);
		expect(emu.countRequests('POST', '/v1/token')).toBe(2);
		expect(emu.earlyRequests).toEqual([]);
	});
});

describe('a 429 on the resend after a renewal', () => {
	it.each([
		['OAuth2', { api: 'oAuth2', path: '/me' }, '/api/v1/'],
		['eInvoice', { api: 'einvoice', path: '/usage' }, '/v1/usage'],
	])(
		'%s: waits the Retry-After SePay sent (2 s), one renewal, no early request',
		async (_name, parameters, prefix) => {
			if (parameters.api === 'einvoice') await probe(parameters);
			emu.clearRequests();
			emu.expireTokens();
			// The first call meets the expired token (401); its resend meets a 429 asking for 2 s.
			emu.setFaults({ force429: 1, force429Skip: 1, retryAfterSeconds: 2, paths: [prefix] });
			await probe(parameters);
			const statuses = apiCalls(prefix).map((r) => r.status);
			expect(statuses).toEqual([401, 429, 200]);
			expect(
				emu.countRequests('POST', parameters.api === 'einvoice' ? '/v1/token' : '/oauth/token'),
			).toBe(1);
			// The emulator blocks the client for the 2 s and records anything sent sooner.
			expect(emu.earlyRequests).toEqual([]);
		},
	);
});

describe('a refresh token SePay no longer accepts', () => {
	it('reads as "the credential must be reconnected", not as a connection failure', async () => {
		emu.reset({ tokens: true });
		let caught: unknown;
		try {
			await probe({ api: 'oAuth2', path: '/me' });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeApiError);
		const error = caught as NodeApiError;
		expect(error.message).toContain('the credential must be reconnected');
		expect(error.message).not.toContain('Could not reach');
		expect(error.description).toContain('Reconnect');
		expect(`${error.message} ${error.description}`).toContain('invalid_grant');
	});
});
