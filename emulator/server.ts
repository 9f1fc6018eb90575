/**
 * The single node:http server: reads and logs each request, applies injected faults and the rate
 * limit (never to /_control), routes it and writes the response. Error bodies follow the
 * envelope of the surface the path belongs to.
 */
import http from 'node:http';

import type { Ctx } from './context';
import { parseBody, type EmuRequest, type EmuResponse, type Router } from './http';
import type { RateDecision, RateLimiter } from './rateLimit';
import { rateHeaders } from './rateLimit';
import type { RequestLog } from './requestLog';
import { nowVn } from './time';
import type { RecordedRequest } from './types';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const RATE_LIMITED_PREFIXES = ['/v2/', '/api/v1/', '/v1/'];

type Surface = 'v2' | 'apiV1' | 'paymentGateway' | 'einvoice' | 'oauth' | 'other';

function surfaceOf(path: string): Surface {
	if (path.startsWith('/v2/') || path === '/v2') return 'v2';
	if (path.startsWith('/api/v1/') || path === '/api/v1') return 'apiV1';
	if (path.startsWith('/v1/order') || path.startsWith('/v1/checkout')) return 'paymentGateway';
	if (path.startsWith('/v1/') || path === '/v1') return 'einvoice';
	if (path.startsWith('/oauth/')) return 'oauth';
	return 'other';
}

/** An error in the envelope of the path's API. */
export function surfaceError(
	path: string,
	status: number,
	code: string,
	message: string,
	headers?: Record<string, string>,
): EmuResponse {
	const surface = surfaceOf(path);
	let body: unknown;
	if (surface === 'v2') body = { status: 'error', message, error_code: code };
	else if (surface === 'apiV1') body = { status: 'error', error: code, message };
	else if (surface === 'paymentGateway') body = { message, error_code: code };
	else if (surface === 'einvoice')
		body = { success: false, error: { code: code.toUpperCase(), message } };
	else if (surface === 'oauth') body = { error: code, error_description: message };
	else body = { error: code, message };
	return { status, body, headers };
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers))
		if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
	return out;
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res: http.ServerResponse, response: EmuResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: Buffer | string = '';
	if (Buffer.isBuffer(response.body)) payload = response.body;
	else if (typeof response.body === 'string') {
		payload = response.body;
		headers['Content-Type'] ??= 'text/plain; charset=utf-8';
	} else if (response.body !== undefined) {
		payload = JSON.stringify(response.body);
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	headers['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
}

/** Token endpoints stay outside the limit (UNCONFIRMED whether SePay counts them). */
const TOKEN_PATHS = ['/v1/token', '/oauth/'];

function isRateLimited(path: string, strict: boolean): boolean {
	if (strict && TOKEN_PATHS.some((p) => path.startsWith(p))) return false;
	return RATE_LIMITED_PREFIXES.some((p) => path.startsWith(p));
}

/** Strict: per IP, before authentication (as SePay v2). Otherwise per credential, see rateLimit.ts. */
function rateKey(limiter: RateLimiter | null, req: http.IncomingMessage, ip: string): string {
	if (limiter?.strict) return `ip:${ip}`;
	return req.headers.authorization ? `auth:${req.headers.authorization}` : `ip:${ip}`;
}

function rateDecision(
	limiter: RateLimiter | null,
	forced: { retryAfterSeconds: number } | undefined,
	key: string,
	now: number,
): RateDecision {
	const early = limiter?.blocked(key, now);
	if (early) return early;
	if (!forced) return (limiter as RateLimiter).hit(key, now);
	limiter?.block(key, forced.retryAfterSeconds, now);
	return {
		allowed: false,
		limit: limiter?.perSecond ?? 3,
		remaining: 0,
		resetSeconds: forced.retryAfterSeconds,
	};
}

export interface ServerDeps {
	ctx: Ctx;
	router: Router;
	log: RequestLog;
	limiter: () => RateLimiter | null;
}

export function createServer(deps: ServerDeps): http.Server {
	const { ctx, router, log } = deps;

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://emulator.local');
		const path = url.pathname.replace(/\/{2,}/g, '/');
		const method = (req.method ?? 'GET').toUpperCase();
		let raw: string;
		try {
			raw = await readBody(req);
		} catch {
			send(res, surfaceError(path, 413, 'payload_too_large', 'Request body too large'));
			return;
		}
		const { body, badJson } = parseBody(req.headers['content-type'], raw);
		const query = Object.fromEntries(url.searchParams);
		// Control traffic (drivers polling deliveries) stays out of the log so counts mean API calls.
		const entry = {
			at: nowVn(),
			method,
			path,
			query,
			headers: flattenHeaders(req.headers),
			body,
			rawBody: raw,
		};
		const record: { status?: number } = path.startsWith('/_control')
			? { ...entry, status: undefined }
			: log.add(entry);
		const emuReq: EmuRequest = {
			method,
			path,
			query,
			headers: req.headers,
			rawBody: raw,
			body,
			badJson,
			params: {},
			ip: req.socket.remoteAddress ?? '',
		};
		const finish = (response: EmuResponse) => {
			record.status = response.status;
			send(res, response);
		};

		if (!path.startsWith('/_control')) {
			const delay = ctx.faults.latency(path);
			if (delay > 0) await ctx.options.clock.sleep(delay);
			if (ctx.faults.shouldExpireTokens(path)) ctx.tokens.expireAll();
			const fault = ctx.faults.decide(path);
			if (fault.kind !== 'none') log.counters.faults++;
			if (fault.kind === 'drop') {
				record.status = 0;
				req.socket.destroy();
				return;
			}
			if (fault.kind === 'fail') {
				finish(
					surfaceError(path, fault.status, 'server_error', 'Injected fault: internal server error'),
				);
				return;
			}
			const limiter = deps.limiter();
			if (fault.kind === '429' || (limiter && isRateLimited(path, limiter.strict))) {
				const forced =
					fault.kind === '429'
						? { retryAfterSeconds: ctx.faults.config.retryAfterSeconds ?? 1 }
						: undefined;
				const decision = rateDecision(
					limiter,
					forced,
					rateKey(limiter, req, emuReq.ip),
					ctx.options.clock.now(),
				);
				if (!decision.allowed) {
					log.counters.rateLimited++;
					if (decision.early)
						log.recordEarly({
							seq: (record as RecordedRequest).seq,
							method,
							path,
							atMs: ctx.options.clock.now(),
							blockedUntilMs: decision.early.blockedUntil,
						});
					finish(
						surfaceError(path, 429, 'rate_limited', 'Too many requests', rateHeaders(decision)),
					);
					return;
				}
				const response = await dispatch(emuReq);
				finish({ ...response, headers: { ...rateHeaders(decision), ...(response.headers ?? {}) } });
				return;
			}
		}
		finish(await dispatch(emuReq));
	}

	async function dispatch(req: EmuRequest): Promise<EmuResponse> {
		if (req.badJson) return surfaceError(req.path, 400, 'bad_request', 'Malformed JSON body');
		const match = router.match(req.method, req.path);
		if (match === null)
			return surfaceError(req.path, 404, 'not_found', `No route for ${req.method} ${req.path}`);
		if (match === 'method')
			return surfaceError(
				req.path,
				405,
				'method_not_allowed',
				`Method ${req.method} is not allowed on ${req.path}`,
			);
		req.params = match.params;
		try {
			return await match.handler(req);
		} catch (e) {
			return surfaceError(req.path, 500, 'server_error', `Emulator error: ${(e as Error).message}`);
		}
	}

	return http.createServer((req, res) => {
		handle(req, res).catch((e) => {
			if (!res.headersSent)
				send(res, { status: 500, body: { error: 'server_error', message: String(e) } });
		});
	});
}
