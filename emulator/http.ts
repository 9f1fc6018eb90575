/** Tiny HTTP plumbing on node:http: parsed requests, plain response objects and a path router. */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmuRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** JSON or form body as an object; undefined when empty; the raw text for other types. */
	body: unknown;
	/** True when the body claimed to be JSON but did not parse. */
	badJson: boolean;
	params: Record<string, string>;
	ip: string;
}

export interface EmuResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: unknown;
}

export type Handler = (req: EmuRequest) => EmuResponse | Promise<EmuResponse>;

interface Route {
	method: string;
	regex: RegExp;
	keys: string[];
	handler: Handler;
}

export class Router {
	private routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler): void {
		const keys: string[] = [];
		const source = pattern.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_, key: string) => {
			keys.push(key);
			return '([^/]+)';
		});
		this.routes.push({ method, regex: new RegExp(`^${source}/?$`), keys, handler });
	}

	/** The handler for method + path, 'method' when only the method is wrong, or null. */
	match(
		method: string,
		path: string,
	): { handler: Handler; params: Record<string, string> } | 'method' | null {
		let pathMatched = false;
		for (const route of this.routes) {
			const m = route.regex.exec(path);
			if (!m) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			const params: Record<string, string> = {};
			route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1])));
			return { handler: route.handler, params };
		}
		return pathMatched ? 'method' : null;
	}
}

export function parseBody(
	contentType: string | undefined,
	raw: string,
): { body: unknown; badJson: boolean } {
	if (raw.length === 0) return { body: undefined, badJson: false };
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded')) {
		return { body: Object.fromEntries(new URLSearchParams(raw)), badJson: false };
	}
	if (type.includes('json') || /^\s*[[{]/.test(raw)) {
		try {
			return { body: JSON.parse(raw), badJson: false };
		} catch {
			return { body: raw, badJson: type.includes('json') };
		}
	}
	return { body: raw, badJson: false };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): EmuResponse {
	return { status, body, headers };
}

export function bearerToken(headers: IncomingHttpHeaders): string | null {
	const value = headers.authorization;
	if (!value) return null;
	const m = /^Bearer\s+(.+)$/i.exec(value.trim());
	return m ? m[1].trim() : null;
}

export function basicCredentials(
	headers: IncomingHttpHeaders,
): { user: string; pass: string } | null {
	const m = /^Basic\s+(.+)$/i.exec((headers.authorization ?? '').trim());
	if (!m) return null;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	if (i < 0) return null;
	return { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
}

export function asRecord(value: unknown): Record<string, unknown> | null {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: null;
}
