/** Small HTTP helpers for the emulator's own tests (real requests over 127.0.0.1). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpResult {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

export async function call(
	baseUrl: string,
	method: string,
	path: string,
	options: {
		token?: string;
		headers?: Record<string, string>;
		json?: unknown;
		form?: Record<string, string>;
		redirect?: 'follow' | 'manual';
	} = {},
): Promise<HttpResult> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	if (options.token) headers.Authorization = `Bearer ${options.token}`;
	let body: string | undefined;
	if (options.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	const res = await fetch(baseUrl + path, {
		method,
		headers,
		body,
		redirect: options.redirect ?? 'follow',
	});
	const text = await res.text();
	let parsed: unknown = undefined;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: res.status, headers: res.headers, text, json: parsed };
}

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** A webhook receiver on 127.0.0.1 whose reply can be changed per request. */
export async function startReceiver(
	reply: (req: Received, n: number) => { status: number; body: string } = () => ({
		status: 200,
		body: '{"success": true}',
	}),
): Promise<{
	url: string;
	received: Received[];
	setReply: (r: typeof reply) => void;
	close: () => Promise<void>;
}> {
	const received: Received[] = [];
	let current = reply;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const entry = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			received.push(entry);
			const r = current(entry, received.length);
			res.writeHead(r.status, { 'Content-Type': 'application/json' });
			res.end(r.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sepay-hook`;
	return {
		url,
		received,
		setReply: (r) => (current = r),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** A clock the test moves by hand: `now` stands still until `advance`, delays end on `release`. */
export function manualClock(start = 1_800_000_000_000) {
	let now = start;
	const pending: { ms: number; resolve: () => void }[] = [];
	return {
		now: () => now,
		advance(ms: number) {
			now += ms;
		},
		async sleep(ms: number) {
			await new Promise<void>((resolve) => pending.push({ ms, resolve }));
		},
		/** Delays asked for so far and not yet released. */
		pending: () => pending.map((p) => p.ms),
		releaseAll() {
			for (const p of pending.splice(0)) p.resolve();
		},
	};
}
