/** The strict rate limit (SePay v2's rule), on a clock the test moves by hand. */
import { startEmulator, type Emulator } from '../index';
import { call, manualClock } from './helpers';

let emu: Emulator;
const clock = manualClock();

beforeEach(async () => {
	emu = await startEmulator({
		port: 0,
		transactions: 20,
		rateLimit: { perSecond: 3, strict: true },
		clock,
	});
});
afterEach(async () => {
	await emu.close();
});

const v2 = (token = emu.secrets.apiToken) =>
	call(emu.baseUrl, 'GET', '/v2/bank-accounts', { token });

it('one window per IP across every API and credential, checked before authentication', async () => {
	const oauth = emu.issueOAuthToken().access_token;
	const statuses = [];
	statuses.push((await v2()).status);
	statuses.push((await call(emu.baseUrl, 'GET', '/api/v1/me', { token: oauth })).status);
	statuses.push((await v2('wrong-token')).status);
	statuses.push((await call(emu.baseUrl, 'GET', '/v1/usage', { token: 'wrong' })).status);
	expect(statuses).toEqual([200, 200, 401, 429]);
});

it('blocks the client until Retry-After has passed and records each early request', async () => {
	for (let i = 0; i < 3; i++) expect((await v2()).status).toBe(200);
	clock.advance(400);
	const refused = await v2();
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toBe('1');
	expect(emu.earlyRequests).toEqual([]);
	// The window frees a slot 600 ms later, but the client was told to wait 1 s: still early.
	clock.advance(999);
	const early = await v2();
	expect(early.status).toBe(429);
	expect(emu.earlyRequests).toEqual([
		expect.objectContaining({
			method: 'GET',
			path: '/v2/bank-accounts',
			atMs: clock.now(),
			blockedUntilMs: clock.now() + 1,
		}),
	]);
	expect(emu.counters.early).toBe(1);
	clock.advance(1);
	expect((await v2()).status).toBe(200);
	expect(emu.earlyRequests).toHaveLength(1);
});

it('an injected 429 blocks for its own Retry-After', async () => {
	emu.setFaults({ force429: 1, retryAfterSeconds: 5 });
	expect((await v2()).headers.get('retry-after')).toBe('5');
	clock.advance(4999);
	expect((await v2()).status).toBe(429);
	clock.advance(1);
	expect((await v2()).status).toBe(200);
	expect(emu.earlyRequests).toHaveLength(1);
});

it('leaves the token endpoints outside the limit', async () => {
	for (let i = 0; i < 3; i++) await v2();
	const basic = Buffer.from(
		`${emu.secrets.einvoiceClientId}:${emu.secrets.einvoiceClientSecret}`,
	).toString('base64');
	const token = await call(emu.baseUrl, 'POST', '/v1/token', {
		headers: { authorization: `Basic ${basic}` },
	});
	expect(token.status).toBe(200);
});
