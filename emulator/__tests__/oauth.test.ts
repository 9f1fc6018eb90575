import { startEmulator, type Emulator } from '../index';
import { call } from './helpers';

const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

let emu: Emulator;

beforeAll(async () => {
	emu = await startEmulator({ port: 0, transactions: 50 });
});

afterAll(async () => {
	await emu.close();
});

afterEach(() => {
	jest.restoreAllMocks();
});

async function authorize(params: Record<string, string>) {
	const qs = new URLSearchParams(params).toString();
	const res = await call(emu.baseUrl, 'GET', `/oauth/authorize?${qs}`, { redirect: 'manual' });
	const location = res.headers.get('location');
	return { res, location: location ? new URL(location) : null };
}

async function getCode(scope = 'bank-account:read transaction:read profile'): Promise<string> {
	const { location } = await authorize({
		response_type: 'code',
		client_id: emu.secrets.oauthClientId,
		redirect_uri: REDIRECT,
		scope,
		state: 'xyz',
	});
	return location?.searchParams.get('code') as string;
}

function exchange(code: string, extra: Record<string, string> = {}) {
	return call(emu.baseUrl, 'POST', '/oauth/token', {
		form: {
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
			client_id: emu.secrets.oauthClientId,
			client_secret: emu.secrets.oauthClientSecret,
			...extra,
		},
	});
}

function refresh(refreshToken: string, extra: Record<string, string> = {}) {
	return call(emu.baseUrl, 'POST', '/oauth/token', {
		form: {
			grant_type: 'refresh_token',
			refresh_token: refreshToken,
			client_id: emu.secrets.oauthClientId,
			client_secret: emu.secrets.oauthClientSecret,
			...extra,
		},
	});
}

describe('/oauth/authorize', () => {
	it('auto-approves and redirects back with code and state', async () => {
		const { res, location } = await authorize({
			response_type: 'code',
			client_id: emu.secrets.oauthClientId,
			redirect_uri: REDIRECT,
			scope: 'profile',
			state: 'st-1',
		});
		expect(res.status).toBe(302);
		expect(location?.origin + (location?.pathname ?? '')).toBe(REDIRECT);
		expect(location?.searchParams.get('state')).toBe('st-1');
		expect(location?.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
	});

	it('rejects an unknown client without redirecting', async () => {
		const { res, location } = await authorize({
			response_type: 'code',
			client_id: 'nope',
			redirect_uri: REDIRECT,
			state: 's',
		});
		expect(res.status).toBe(400);
		expect(location).toBeNull();
		expect(res.json.error).toBe('invalid_client');
	});

	it('redirects with invalid_scope, unsupported_response_type and access_denied', async () => {
		const base = { client_id: emu.secrets.oauthClientId, redirect_uri: REDIRECT, state: 's' };
		const scope = await authorize({ ...base, response_type: 'code', scope: 'profile admin:all' });
		expect(scope.location?.searchParams.get('error')).toBe('invalid_scope');
		expect(scope.location?.searchParams.get('code')).toBeNull();
		const type = await authorize({ ...base, response_type: 'token' });
		expect(type.location?.searchParams.get('error')).toBe('unsupported_response_type');
		const denied = await authorize({ ...base, response_type: 'code', emulator_deny: '1' });
		expect(denied.location?.searchParams.get('error')).toBe('access_denied');
		expect(denied.location?.searchParams.get('state')).toBe('s');
	});
});

describe('/oauth/token', () => {
	it('exchanges a code for tokens with the granted scope', async () => {
		const res = await exchange(await getCode());
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
			token_type: 'Bearer',
			expires_in: 3600,
			refresh_token: expect.any(String),
			scope: 'bank-account:read transaction:read profile',
		});
		const me = await call(emu.baseUrl, 'GET', '/api/v1/me', { token: res.json.access_token });
		expect(me.status).toBe(200);
		expect(me.json.data.email).toBe('nguyen.van.an@example.com');
	});

	it('codes are single use', async () => {
		const code = await getCode();
		expect((await exchange(code)).status).toBe(200);
		const again = await exchange(code);
		expect(again.status).toBe(400);
		expect(again.json.error).toBe('invalid_grant');
	});

	it('codes expire after 5 minutes', async () => {
		const code = await getCode();
		const now = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(now + 5 * 60_000 + 1000);
		const res = await exchange(code);
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'invalid_grant',
			error_description: 'Authorization code has expired',
		});
	});

	it('checks client credentials, redirect_uri and grant_type', async () => {
		const badSecret = await exchange(await getCode(), { client_secret: 'wrong' });
		expect(badSecret.status).toBe(401);
		expect(badSecret.json.error).toBe('invalid_client');
		const badRedirect = await exchange(await getCode(), {
			redirect_uri: 'http://127.0.0.1:9/other',
		});
		expect(badRedirect.status).toBe(400);
		expect(badRedirect.json.error).toBe('invalid_grant');
		const badGrant = await exchange(await getCode(), { grant_type: 'client_credentials' });
		expect(badGrant.status).toBe(400);
		expect(badGrant.json.error).toBe('unsupported_grant_type');
		const badCode = await exchange('not-a-code');
		expect(badCode.json.error).toBe('invalid_grant');
	});

	it('accepts client credentials in HTTP Basic and a JSON body', async () => {
		const basic = Buffer.from(
			`${emu.secrets.oauthClientId}:${emu.secrets.oauthClientSecret}`,
		).toString('base64');
		const res = await call(emu.baseUrl, 'POST', '/oauth/token', {
			headers: { Authorization: `Basic ${basic}` },
			json: { grant_type: 'authorization_code', code: await getCode(), redirect_uri: REDIRECT },
		});
		expect(res.status).toBe(200);
	});

	it('rotates refresh tokens and rejects the used one', async () => {
		const first = (await exchange(await getCode())).json;
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.json.refresh_token).not.toBe(first.refresh_token);
		expect(second.json.access_token).not.toBe(first.access_token);
		expect(second.json.scope).toBe(first.scope);
		const reused = await refresh(first.refresh_token);
		expect(reused.status).toBe(400);
		expect(reused.json.error).toBe('invalid_grant');
		expect((await refresh(second.json.refresh_token)).status).toBe(200);
	});

	it('refresh may narrow the scope but not widen it', async () => {
		const first = (await exchange(await getCode('profile transaction:read'))).json;
		const wider = await refresh(first.refresh_token, { scope: 'profile company' });
		expect(wider.status).toBe(400);
		expect(wider.json.error).toBe('invalid_scope');
		const narrower = await refresh(first.refresh_token, { scope: 'profile' });
		expect(narrower.status).toBe(200);
		expect(narrower.json.scope).toBe('profile');
	});

	it('refresh tokens expire after refreshTokenTtlSeconds', async () => {
		const first = (await exchange(await getCode())).json;
		const now = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(now + 31 * 86400_000);
		const res = await refresh(first.refresh_token);
		expect(res.status).toBe(400);
		expect(res.json.error_description).toBe('Refresh token has expired');
	});
});

describe('access token expiry', () => {
	it('answers 401 once the access token has expired, and refresh brings access back', async () => {
		const tokens = emu.issueOAuthToken({ scopes: ['profile'] });
		expect(
			(await call(emu.baseUrl, 'GET', '/api/v1/me', { token: tokens.access_token })).status,
		).toBe(200);
		const now = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(now + 3601_000);
		const expired = await call(emu.baseUrl, 'GET', '/api/v1/me', { token: tokens.access_token });
		expect(expired.status).toBe(401);
		expect(expired.json).toMatchObject({
			status: 'error',
			error: 'unauthorized',
			message: 'Access token has expired',
		});
		jest.restoreAllMocks();
		emu.expireTokens();
		const renewed = await refresh(tokens.refresh_token);
		expect(renewed.status).toBe(200);
		expect(
			(await call(emu.baseUrl, 'GET', '/api/v1/me', { token: renewed.json.access_token })).status,
		).toBe(200);
	});

	it('expireTokens() invalidates every access token', async () => {
		const tokens = emu.issueOAuthToken({ scopes: 'profile' });
		expect(emu.expireTokens()).toBeGreaterThan(0);
		expect(
			(await call(emu.baseUrl, 'GET', '/api/v1/me', { token: tokens.access_token })).status,
		).toBe(401);
	});

	it('issueOAuthToken honours ttlSeconds and refuses unknown scopes', () => {
		expect(emu.issueOAuthToken({ ttlSeconds: 60 }).expires_in).toBe(60);
		expect(emu.issueOAuthToken().scope.split(' ')).toHaveLength(7);
		expect(() => emu.issueOAuthToken({ scopes: ['nope'] })).toThrow(/Unknown scope/);
	});
});

describe('registered redirect URI', () => {
	it('requires an exact redirect_uri match when configured', async () => {
		const strict = await startEmulator({
			port: 0,
			transactions: 10,
			oauthRedirectUri: REDIRECT,
			accessTokenTtlSeconds: 120,
		});
		try {
			const bad = await call(
				strict.baseUrl,
				'GET',
				`/oauth/authorize?response_type=code&client_id=${strict.secrets.oauthClientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/cb')}`,
				{ redirect: 'manual' },
			);
			expect(bad.status).toBe(400);
			expect(bad.json.error).toBe('redirect_uri_mismatch');
			const good = await call(
				strict.baseUrl,
				'GET',
				`/oauth/authorize?response_type=code&client_id=${strict.secrets.oauthClientId}&redirect_uri=${encodeURIComponent(REDIRECT)}`,
				{ redirect: 'manual' },
			);
			expect(good.status).toBe(302);
			const code = new URL(good.headers.get('location') as string).searchParams.get(
				'code',
			) as string;
			const token = await call(strict.baseUrl, 'POST', '/oauth/token', {
				form: {
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT,
					client_id: strict.secrets.oauthClientId,
					client_secret: strict.secrets.oauthClientSecret,
				},
			});
			expect(token.json.expires_in).toBe(120);
			expect(token.json.scope.split(' ')).toHaveLength(7);
		} finally {
			await strict.close();
		}
	});
});
