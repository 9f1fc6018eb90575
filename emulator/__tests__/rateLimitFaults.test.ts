import { startEmulator, type Emulator } from '../index';
import { call, manualClock } from './helpers';

describe('rate limit (3 requests/second per credential)', () => {
	let emu: Emulator;
	// The limit's clock stands still unless a test moves it, so a burst is one instant however
	// slowly a busy machine delivers it.
	const clock = manualClock();

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, transactions: 20, rateLimit: { perSecond: 3 }, clock });
	});

	afterAll(async () => {
		await emu.close();
	});

	it('answers a burst with 429 + Retry-After and X-RateLimit-* headers, then recovers after Retry-After', async () => {
		const burst = await Promise.all(
			Array.from({ length: 12 }, () =>
				call(emu.baseUrl, 'GET', '/v2/bank-accounts', { token: emu.secrets.apiToken }),
			),
		);
		const ok = burst.filter((r) => r.status === 200);
		const limited = burst.filter((r) => r.status === 429);
		expect(ok).toHaveLength(3);
		expect(limited).toHaveLength(9);
		const r = limited[0];
		expect(r.json).toEqual({
			status: 'error',
			message: 'Too many requests',
			error_code: 'rate_limited',
		});
		expect(r.headers.get('retry-after')).toBe('1');
		expect(r.headers.get('x-ratelimit-limit')).toBe('3');
		expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(r.headers.get('x-ratelimit-reset')).toBe('1');
		expect(ok[0].headers.get('x-ratelimit-limit')).toBe('3');
		expect(emu.counters.rateLimited).toBe(9);

		clock.advance(999);
		expect(
			(await call(emu.baseUrl, 'GET', '/v2/bank-accounts', { token: emu.secrets.apiToken })).status,
		).toBe(429);
		clock.advance(1);
		expect(
			(await call(emu.baseUrl, 'GET', '/v2/bank-accounts', { token: emu.secrets.apiToken })).status,
		).toBe(200);
	});

	it('keeps one window per credential, limits before auth and uses each API envelope', async () => {
		clock.advance(1000);
		const oauth = emu.issueOAuthToken().access_token;
		const einvoice = emu.issueEInvoiceToken().access_token;
		const [v1, inv, anon] = await Promise.all([
			Promise.all(
				Array.from({ length: 8 }, () => call(emu.baseUrl, 'GET', '/api/v1/me', { token: oauth })),
			),
			Promise.all(
				Array.from({ length: 8 }, () => call(emu.baseUrl, 'GET', '/v1/usage', { token: einvoice })),
			),
			Promise.all(Array.from({ length: 8 }, () => call(emu.baseUrl, 'GET', '/v2/transactions'))),
		]);
		// Each credential has its own window: all three groups get their 3 answers in the same second.
		expect(v1.filter((r) => r.status === 200)).toHaveLength(3);
		expect(v1.find((r) => r.status === 429)?.json).toEqual({
			status: 'error',
			error: 'rate_limited',
			message: 'Too many requests',
		});
		expect(inv.filter((r) => r.status === 200)).toHaveLength(3);
		expect(inv.find((r) => r.status === 429)?.json).toEqual({
			success: false,
			error: { code: 'RATE_LIMITED', message: 'Too many requests' },
		});
		// Limited before authentication: unauthenticated calls get 429, not 401, once over the limit.
		expect(anon.filter((r) => r.status === 401)).toHaveLength(3);
		expect(anon.filter((r) => r.status === 429)).toHaveLength(5);
	});

	it('never limits the control API', async () => {
		const res = await Promise.all(
			Array.from({ length: 10 }, () => call(emu.baseUrl, 'GET', '/_control/counters')),
		);
		expect(res.every((r) => r.status === 200)).toBe(true);
	});
});

describe('injected faults', () => {
	let emu: Emulator;
	const clock = manualClock();

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, transactions: 20, clock });
	});

	afterEach(() => emu.clearFaults());

	afterAll(async () => {
		await emu.close();
	});

	const v2 = () => call(emu.baseUrl, 'GET', '/v2/bank-accounts', { token: emu.secrets.apiToken });

	it('failNext answers the next requests with a 5xx in the API envelope', async () => {
		emu.setFaults({ failNext: 2, failStatus: 503 });
		const first = await v2();
		expect(first.status).toBe(503);
		expect(first.json).toMatchObject({ status: 'error', error_code: 'server_error' });
		const second = await call(emu.baseUrl, 'GET', '/v1/usage');
		expect(second.status).toBe(503);
		expect(second.json.success).toBe(false);
		expect((await v2()).status).toBe(200);
	});

	it('failRate applies only to the configured paths', async () => {
		emu.setFaults({ failRate: 1, paths: ['/v2'] });
		expect((await v2()).status).toBe(500);
		const me = await call(emu.baseUrl, 'GET', '/api/v1/me', {
			token: emu.issueOAuthToken().access_token,
		});
		expect(me.status).toBe(200);
	});

	it('a share of failures is reproducible for the same seed', async () => {
		const run = async () => {
			emu.clearFaults();
			emu.setFaults({ failRate: 0.5 });
			const statuses: number[] = [];
			for (let i = 0; i < 12; i++) statuses.push((await v2()).status);
			return statuses;
		};
		const a = await run();
		expect(a).toContain(500);
		expect(a).toContain(200);
		expect(await run()).toEqual(a);
	});

	it('dropNext closes the connection without an answer', async () => {
		emu.setFaults({ dropNext: 1 });
		await expect(v2()).rejects.toThrow();
		expect((await v2()).status).toBe(200);
	});

	it('force429 refuses even with the rate limit off', async () => {
		emu.setFaults({ force429: 1 });
		const res = await v2();
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('1');
		expect(res.json.error_code).toBe('rate_limited');
		expect((await v2()).status).toBe(200);
	});

	it('latencyMs delays answers (the answer waits for the delay to end)', async () => {
		emu.setFaults({ latencyMs: 120 });
		let answered = false;
		const pending = v2().then((r) => {
			answered = true;
			return r;
		});
		while (clock.pending().length === 0) await new Promise((resolve) => setImmediate(resolve));
		expect(clock.pending()).toEqual([120]);
		expect(answered).toBe(false);
		clock.releaseAll();
		expect((await pending).status).toBe(200);
	});

	it('expireTokensAfter expires every access token after N requests', async () => {
		const token = emu.issueOAuthToken().access_token;
		emu.setFaults({ expireTokensAfter: 2 });
		const get = () => call(emu.baseUrl, 'GET', '/api/v1/me', { token });
		expect((await get()).status).toBe(200);
		expect((await get()).status).toBe(200);
		const expired = await get();
		expect(expired.status).toBe(401);
		expect(expired.json.message).toBe('Access token has expired');
	});

	it('is configurable over the control API and rejects unknown options', async () => {
		const set = await call(emu.baseUrl, 'PUT', '/_control/faults', { json: { failNext: 1 } });
		expect(set.json.data).toEqual({ failNext: 1 });
		expect((await v2()).status).toBe(500);
		const bad = await call(emu.baseUrl, 'PUT', '/_control/faults', { json: { explode: true } });
		expect(bad.status).toBe(400);
		expect(bad.json.message).toMatch(/Unknown fault option\(s\): explode/);
		expect((await call(emu.baseUrl, 'DELETE', '/_control/faults')).json.data).toEqual({});
	});
});
