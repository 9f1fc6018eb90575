/**
 * SePay OAuth2 (§2): /oauth/authorize auto-approves and redirects with `code` + `state`;
 * /oauth/token handles `authorization_code` and `refresh_token` (client credentials in the
 * form body). Error codes follow RFC 6749; SePay's exact codes and statuses are UNCONFIRMED.
 */
import type { Ctx } from './context';
import {
	asRecord,
	basicCredentials,
	json,
	type EmuRequest,
	type EmuResponse,
	type Router,
} from './http';
import { ALL_SCOPES } from './tokens';

function oauthError(status: number, error: string, description: string): EmuResponse {
	return json(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

function parseScopes(raw: string | undefined): string[] {
	// Space-separated per SePay; commas tolerated because some clients join with them.
	return (raw ?? '').split(/[\s,]+/).filter(Boolean);
}

function withQuery(uri: string, params: Record<string, string>): string {
	const url = new URL(uri);
	for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
	return url.toString();
}

function redirect(location: string): EmuResponse {
	return {
		status: 302,
		headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
		body: `<!doctype html><meta charset="utf-8"><title>SePay</title><p>Đã cấp quyền. Đang chuyển hướng… <a href="${location.replace(/"/g, '&quot;')}">Tiếp tục</a></p>`,
	};
}

function authorize(ctx: Ctx, req: EmuRequest): EmuResponse {
	const q = req.query;
	if (q.client_id !== ctx.secrets.oauthClientId)
		return oauthError(400, 'invalid_client', 'Unknown client_id');
	const redirectUri = q.redirect_uri;
	if (!redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri is required');
	try {
		new URL(redirectUri);
	} catch {
		return oauthError(400, 'invalid_request', 'redirect_uri is not a valid URL');
	}
	if (ctx.options.oauthRedirectUri && redirectUri !== ctx.options.oauthRedirectUri) {
		return oauthError(
			400,
			'redirect_uri_mismatch',
			'redirect_uri does not match the registered Redirect URL',
		);
	}
	const state = q.state ?? '';
	const back = (params: Record<string, string>) =>
		redirect(withQuery(redirectUri, state ? { ...params, state } : params));
	if (q.response_type !== 'code')
		return back({
			error: 'unsupported_response_type',
			error_description: 'response_type must be code',
		});
	const scopes = parseScopes(q.scope);
	const unknown = scopes.filter((s) => !ALL_SCOPES.includes(s));
	if (unknown.length)
		return back({
			error: 'invalid_scope',
			error_description: `Unknown scope: ${unknown.join(' ')}`,
		});
	// Emulator-only switch to exercise the denial path.
	if (q.emulator_deny === '1')
		return back({ error: 'access_denied', error_description: 'The user denied the request' });
	// Older SePay docs: no scope means every scope registered for the app.
	const granted = scopes.length ? scopes : [...ALL_SCOPES];
	const code = ctx.tokens.issueCode(ctx.secrets.oauthClientId, redirectUri, granted);
	return back({ code });
}

function token(ctx: Ctx, req: EmuRequest): EmuResponse {
	const body = asRecord(req.body) ?? {};
	const str = (k: string) =>
		typeof body[k] === 'string'
			? (body[k] as string)
			: typeof body[k] === 'number'
				? String(body[k])
				: undefined;
	// SePay documents credentials in the body; HTTP Basic is accepted too (standard OAuth2 clients).
	const basic = basicCredentials(req.headers);
	const clientId = str('client_id') ?? basic?.user;
	const clientSecret = str('client_secret') ?? basic?.pass;
	if (clientId !== ctx.secrets.oauthClientId || clientSecret !== ctx.secrets.oauthClientSecret) {
		return oauthError(401, 'invalid_client', 'Client authentication failed');
	}
	const grant = str('grant_type');
	if (!grant) return oauthError(400, 'invalid_request', 'grant_type is required');
	const o = ctx.options;
	if (grant === 'authorization_code') {
		const code = str('code');
		if (!code) return oauthError(400, 'invalid_request', 'code is required');
		const record = ctx.tokens.takeCode(code);
		if ('error' in record) return oauthError(400, 'invalid_grant', record.error);
		if (record.clientId !== clientId)
			return oauthError(400, 'invalid_grant', 'Authorization code was issued to another client');
		if (record.redirectUri !== null && str('redirect_uri') !== record.redirectUri) {
			return oauthError(
				400,
				'invalid_grant',
				'redirect_uri does not match the authorization request',
			);
		}
		return json(
			200,
			ctx.tokens.issueOAuth(
				clientId,
				record.scopes,
				o.accessTokenTtlSeconds,
				o.refreshTokenTtlSeconds,
			),
			{ 'Cache-Control': 'no-store' },
		);
	}
	if (grant === 'refresh_token') {
		const refresh = str('refresh_token');
		if (!refresh) return oauthError(400, 'invalid_request', 'refresh_token is required');
		const record = ctx.tokens.refreshRecord(refresh, clientId);
		if ('error' in record) return oauthError(400, 'invalid_grant', record.error);
		const asked = parseScopes(str('scope'));
		const extra = asked.filter((s) => !record.scopes.includes(s));
		if (extra.length)
			return oauthError(400, 'invalid_scope', `Scope not granted: ${extra.join(' ')}`);
		record.used = true;
		const scopes = asked.length ? asked : record.scopes;
		return json(
			200,
			ctx.tokens.issueOAuth(clientId, scopes, o.accessTokenTtlSeconds, o.refreshTokenTtlSeconds),
			{ 'Cache-Control': 'no-store' },
		);
	}
	return oauthError(400, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
}

export function registerOAuth(router: Router, ctx: Ctx): void {
	router.add('GET', '/oauth/authorize', (req) => authorize(ctx, req));
	router.add('POST', '/oauth/token', (req) => token(ctx, req));
}
