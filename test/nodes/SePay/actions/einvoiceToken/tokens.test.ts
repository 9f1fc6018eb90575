import type { INodeExecutionData } from 'n8n-workflow';

import { jwtExpiry } from '../../../../../nodes/SePay/actions/einvoiceToken/tokenExpiry';
import type { Emulator } from '../../../../../emulator';
import type { CredentialStore } from '../../../../../harness';
import {
	createParameters,
	EINVOICE,
	newStore,
	received,
	run,
	startEInvoiceEmulator,
} from '../invoice/setup';

let emu: Emulator;
let store: CredentialStore;

beforeAll(async () => {
	emu = await startEInvoiceEmulator({ einvoiceJobDelayMs: 0 });
});
afterAll(async () => await emu.close());
beforeEach(() => {
	emu.reset();
	store = newStore(emu);
});

const tokenRequests = () => received(emu, 'POST', '/v1/token').length;
const payments = (from: number): INodeExecutionData[] =>
	Array.from({ length: 100 }, (_, i) => ({ json: { id: from + i, transferAmount: 100000 + i } }));

describe('token economy: one token per credential, reused across items and executions', () => {
	it('100 invoices in one run, 100 more in a second run, then once more after the token expired', async () => {
		const parameters = createParameters(emu, {
			issuedDate: '',
			options: { pollInterval: 0.01, timeout: 10 },
		});

		const first = await run({ store, parameters, items: payments(1) });
		expect(first.output[0]).toHaveLength(100);
		expect(first.output[0].every((item) => item.json.status === 'issued')).toBe(true);
		expect(received(emu, 'POST', '/v1/invoices/create')).toHaveLength(100);
		expect(tokenRequests()).toBe(1);
		expect(store.stats.updates[EINVOICE]).toBe(1);

		const second = await run({ store, parameters, items: payments(1001) });
		expect(second.output[0]).toHaveLength(100);
		expect(received(emu, 'POST', '/v1/invoices/create')).toHaveLength(200);
		expect(tokenRequests()).toBe(1);

		const before = store.getData(EINVOICE).accessToken;
		emu.expireTokens();
		const third = await run({ store, parameters, items: payments(2001) });
		expect(third.output[0]).toHaveLength(100);
		expect(tokenRequests()).toBe(2);
		expect(store.getData(EINVOICE).accessToken).not.toBe(before);
		// Only the expired token was refused (the transport's renew path sends it at most twice);
		// everything after the one re-fetch carried the new token.
		const refused = emu.requests.filter((r) => r.status === 401);
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(refused.length).toBeLessThanOrEqual(2);
		expect(refused.every((r) => r.headers.authorization === `Bearer ${String(before)}`)).toBe(true);
		expect(emu.state.einvoice.invoices.size).toBe(3 + 300);
	});
});

describe('eInvoice Token → Get', () => {
	it("outputs the credential's cached token without asking /v1/token again", async () => {
		await run({ store, parameters: { resource: 'einvoiceUsage', operation: 'get' } });
		expect(tokenRequests()).toBe(1);
		const cached = store.getData(EINVOICE).accessToken as string;
		const { output } = await run({
			store,
			parameters: { resource: 'einvoiceToken', operation: 'get' },
		});
		expect(tokenRequests()).toBe(1);
		const json = output[0][0].json;
		expect(json.access_token).toBe(cached);
		expect(json.token_type).toBe('Bearer');
		// The emulator's token is a JWT with exp = now + 24 h.
		const exp = JSON.parse(Buffer.from(cached.split('.')[1], 'base64url').toString()).exp as number;
		expect(json.expires_at).toBe(new Date(exp * 1000).toISOString());
		expect(json.expires_in).toBeGreaterThan(86000);
		expect(json.expires_in).toBeLessThanOrEqual(86400);
	});

	it('with nothing cached: one token request (by the credential), and the token that works now', async () => {
		const { output } = await run({
			store,
			parameters: { resource: 'einvoiceToken', operation: 'get' },
		});
		expect(tokenRequests()).toBe(1);
		expect(output[0][0].json.access_token).toBe(store.getData(EINVOICE).accessToken);
		const [check] = received(emu, 'GET', '/v1/usage');
		expect(check.headers.authorization).toBe(`Bearer ${output[0][0].json.access_token}`);
	});

	it('after the cached token expired: the refreshed one, not the stale one', async () => {
		await run({ store, parameters: { resource: 'einvoiceUsage', operation: 'get' } });
		const stale = store.getData(EINVOICE).accessToken;
		emu.expireTokens();
		const { output } = await run({
			store,
			parameters: { resource: 'einvoiceToken', operation: 'get' },
		});
		expect(tokenRequests()).toBe(2);
		expect(output[0][0].json.access_token).not.toBe(stale);
		expect(output[0][0].json.access_token).toBe(store.getData(EINVOICE).accessToken);
	});

	it('a token that is not a JWT gets no invented expiry', () => {
		expect(jwtExpiry('opaque-token')).toBeUndefined();
		expect(jwtExpiry('a.b.c')).toBeUndefined();
		expect(jwtExpiry(`x.${Buffer.from('{"exp":"soon"}').toString('base64url')}.y`)).toBeUndefined();
		expect(
			jwtExpiry(`x.${Buffer.from('{"exp":1900000000}').toString('base64url')}.y`)?.toISOString(),
		).toBe('2030-03-17T17:46:40.000Z');
	});
});
