/**
 * Every credential the emulator hands out: OAuth2 authorization codes, access and refresh tokens,
 * eInvoice bearer tokens. Survives reset() so a connected n8n credential stays connected.
 */
import { createHmac, randomBytes } from 'node:crypto';

import type { OAuthTokenResponse } from './types';

export const ALL_SCOPES = [
	'bank-account:read',
	'transaction:read',
	'webhook:read',
	'webhook:write',
	'webhook:delete',
	'profile',
	'company',
];

interface AccessRecord {
	kind: 'oauth' | 'einvoice';
	scopes: string[];
	expiresAt: number;
	clientId: string;
}

export interface RefreshRecord {
	scopes: string[];
	expiresAt: number;
	used: boolean;
	clientId: string;
}

interface CodeRecord {
	clientId: string;
	redirectUri: string | null;
	scopes: string[];
	expiresAt: number;
	used: boolean;
}

export type TokenCheck =
	| { ok: true; scopes: string[] }
	| { ok: false; reason: 'missing' | 'invalid' | 'expired' };

const CODE_TTL_MS = 5 * 60 * 1000;

function b64url(data: string | Buffer): string {
	return Buffer.from(data).toString('base64url');
}

export class TokenStore {
	private access = new Map<string, AccessRecord>();
	private refresh = new Map<string, RefreshRecord>();
	private codes = new Map<string, CodeRecord>();
	private serial = 0;

	constructor(
		private readonly signingKey: string,
		private readonly issuer: () => string,
	) {}

	/** JWT-shaped (HS256 here; SePay uses RS256 and says not to decode it client-side). */
	private jwt(claims: Record<string, unknown>): string {
		const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
		const body = b64url(JSON.stringify(claims));
		const sig = createHmac('sha256', this.signingKey).update(`${head}.${body}`).digest('base64url');
		return `${head}.${body}.${sig}`;
	}

	issueCode(clientId: string, redirectUri: string | null, scopes: string[]): string {
		const code = randomBytes(20).toString('hex');
		this.codes.set(code, {
			clientId,
			redirectUri,
			scopes,
			expiresAt: Date.now() + CODE_TTL_MS,
			used: false,
		});
		return code;
	}

	/** Single use: the record is marked used whatever the outcome. */
	takeCode(code: string): CodeRecord | { error: string } {
		const record = this.codes.get(code);
		if (!record) return { error: 'Authorization code is invalid' };
		if (record.used) return { error: 'Authorization code has already been used' };
		record.used = true;
		if (Date.now() > record.expiresAt) return { error: 'Authorization code has expired' };
		return record;
	}

	issueOAuth(
		clientId: string,
		scopes: string[],
		ttlSeconds: number,
		refreshTtlSeconds: number,
	): OAuthTokenResponse {
		const now = Date.now();
		const jti = ++this.serial;
		const accessToken = this.jwt({
			iss: this.issuer(),
			sub: '1234',
			aud: clientId,
			iat: Math.floor(now / 1000),
			exp: Math.floor(now / 1000) + ttlSeconds,
			scope: scopes.join(' '),
			jti: `${jti}.${randomBytes(6).toString('hex')}`,
		});
		const refreshToken = `def50200${randomBytes(32).toString('hex')}`;
		this.access.set(accessToken, {
			kind: 'oauth',
			scopes,
			expiresAt: now + ttlSeconds * 1000,
			clientId,
		});
		this.refresh.set(refreshToken, {
			scopes,
			expiresAt: now + refreshTtlSeconds * 1000,
			used: false,
			clientId,
		});
		return {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: ttlSeconds,
			refresh_token: refreshToken,
			scope: scopes.join(' '),
		};
	}

	/** Rotation: a refresh token works once; the response carries a new one. */
	refreshRecord(token: string, clientId: string): RefreshRecord | { error: string } {
		const record = this.refresh.get(token);
		if (!record || record.clientId !== clientId) return { error: 'Refresh token is invalid' };
		if (record.used) return { error: 'Refresh token has already been used' };
		if (Date.now() > record.expiresAt) return { error: 'Refresh token has expired' };
		return record;
	}

	issueEInvoice(
		clientId: string,
		ttlSeconds: number,
	): { access_token: string; token_type: 'Bearer'; expires_in: number } {
		const now = Date.now();
		const token = this.jwt({
			iss: this.issuer(),
			sub: clientId,
			iat: Math.floor(now / 1000),
			exp: Math.floor(now / 1000) + ttlSeconds,
			jti: `${++this.serial}.${randomBytes(6).toString('hex')}`,
		});
		this.access.set(token, {
			kind: 'einvoice',
			scopes: [],
			expiresAt: now + ttlSeconds * 1000,
			clientId,
		});
		return { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds };
	}

	check(token: string | null, kind: 'oauth' | 'einvoice'): TokenCheck {
		if (!token) return { ok: false, reason: 'missing' };
		const record = this.access.get(token);
		if (!record || record.kind !== kind) return { ok: false, reason: 'invalid' };
		if (Date.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
		return { ok: true, scopes: record.scopes };
	}

	/** Every OAuth2 access token and eInvoice token expires now; refresh tokens stay valid. */
	expireAll(): number {
		const now = Date.now();
		let n = 0;
		for (const record of this.access.values()) {
			if (record.expiresAt > now) {
				record.expiresAt = now;
				n++;
			}
		}
		return n;
	}
}
