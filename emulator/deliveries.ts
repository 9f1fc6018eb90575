/**
 * Webhook delivery engine: matches a transaction against the webhooks, posts SePay's payload to
 * each (loopback only), records every attempt and retries failures on SePay's Fibonacci schedule
 * (1, 1, 2, 3, 5, 8, 13 minutes → 8 attempts) scaled by `retryMinuteMs`.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';

import type { EmulatorState } from './state';
import { nowVn } from './time';
import type { Delivery, DeliveryAttempt, ResolvedOptions, Transaction, Webhook } from './types';
import { authHeaders, encodeBody, isSuccess } from './webhookRequest';
import { loopbackUrlError } from './webhookModel';
import { webhookPayload } from './serialize';

export const RETRY_SCHEDULE_MINUTES = [1, 1, 2, 3, 5, 8, 13];
const MAX_RESPONSE_BYTES = 64 * 1024;

export function webhookMatches(w: Webhook, tx: Transaction, state: EmulatorState): boolean {
	if (!w.active) return false;
	if (w.event_type === 'In_only' && tx.transferType !== 'in') return false;
	if (w.event_type === 'Out_only' && tx.transferType !== 'out') return false;
	if (w.bank_mode === 'single' && w.bank_account_id !== tx.bankAccountId) return false;
	if (w.bank_mode === 'multi' && !w.bank_account_ids.includes(tx.bankAccountId)) return false;
	if (w.only_va && !tx.subAccount) return false;
	// skip_if_no_code and prefix_filters only work while payment-code recognition is on (§6.6).
	if (state.company.configurations.paycode) {
		if (w.skip_if_no_code && !tx.code) return false;
		if (
			w.prefix_filters.length &&
			!(tx.code && w.prefix_filters.some((p) => (tx.code as string).startsWith(p)))
		)
			return false;
	}
	return true;
}

function isFinal(d: Delivery): boolean {
	return d.status === 'success' || d.status === 'failed';
}

export class DeliveryEngine extends EventEmitter {
	private timers = new Set<NodeJS.Timeout>();
	private finalWaiters = new Map<number, (() => void)[]>();
	private firstWaiters = new Map<number, (() => void)[]>();
	private requests = new Set<http.ClientRequest>();
	/** Bumped by stop(): callbacks of an older generation are ignored. */
	private generation = 0;

	constructor(
		private readonly getState: () => EmulatorState,
		private readonly options: ResolvedOptions,
	) {
		super();
		this.setMaxListeners(0);
	}

	private get state(): EmulatorState {
		return this.getState();
	}

	/** Creates one delivery per matching webhook and starts them. */
	deliverTransaction(tx: Transaction): Delivery[] {
		const out: Delivery[] = [];
		for (const w of this.state.webhooks.values()) {
			if (webhookMatches(w, tx, this.state)) out.push(this.create(w, tx, 'original', null));
		}
		return out;
	}

	/** Sends the same delivery again as a new log entry (SePay's "Replayed from #x"). */
	replay(deliveryId: number): Delivery {
		const source = this.state.deliveries.find((d) => d.id === deliveryId);
		if (!source) throw new Error(`Delivery ${deliveryId} not found`);
		const w = this.state.webhooks.get(source.webhookId);
		if (!w) throw new Error(`Webhook ${source.webhookId} no longer exists`);
		const tx = this.state.findTransaction(source.transactionId);
		if (!tx) throw new Error(`Transaction ${source.transactionId} not found`);
		return this.create(w, tx, 'replay', source.id);
	}

	/** Sends a transaction to a webhook once more, whether or not it matches (a duplicate). */
	duplicate(webhookId: number, transactionId: number): Delivery {
		const w = this.state.webhooks.get(webhookId);
		if (!w) throw new Error(`Webhook ${webhookId} not found`);
		const tx = this.state.findTransaction(transactionId);
		if (!tx) throw new Error(`Transaction ${transactionId} not found`);
		return this.create(w, tx, 'duplicate', null);
	}

	private create(
		w: Webhook,
		tx: Transaction,
		kind: Delivery['kind'],
		replayOf: number | null,
	): Delivery {
		const state = this.state;
		const payload = webhookPayload(tx, state);
		const id = state.nextDeliveryId++;
		const { body, contentType } = encodeBody(payload, w.request_content_type, id);
		const delivery: Delivery = {
			id,
			webhookId: w.id,
			transactionId: tx.id,
			url: w.webhook_url,
			kind,
			replayOf,
			status: 'pending',
			body,
			contentType,
			payload,
			attempts: [],
			nextAttemptAt: Date.now(),
			createdAt: nowVn(),
		};
		state.deliveries.push(delivery);
		this.emit('change', delivery);
		const generation = this.generation;
		setImmediate(() => {
			if (generation === this.generation) void this.attempt(delivery, generation);
		});
		return delivery;
	}

	private async attempt(delivery: Delivery, generation: number): Promise<void> {
		const w = this.state.webhooks.get(delivery.webhookId);
		const started = Date.now();
		const number = delivery.attempts.length + 1;
		let result: {
			status: number | null;
			body: string | null;
			error: string | null;
			headers: Record<string, string>;
		};
		if (!w) {
			result = { status: null, body: null, error: 'Webhook was deleted', headers: {} };
		} else {
			const urlError = loopbackUrlError(w.webhook_url);
			const headers: Record<string, string> = {
				'Content-Type': delivery.contentType,
				'User-Agent': 'SePay-Webhook/1.0 (emulator)',
				...authHeaders(w, delivery.body, started),
			};
			result = urlError
				? { status: null, body: null, error: urlError, headers }
				: { ...(await this.post(w.webhook_url, delivery.body, headers)), headers };
		}
		if (generation !== this.generation) return;
		const success = isSuccess(result.status, result.body);
		const attempt: DeliveryAttempt = {
			number,
			at: nowVn(),
			startedAt: started,
			status: result.status,
			body: result.body,
			error: result.error,
			success,
			durationMs: Date.now() - started,
			requestHeaders: result.headers,
		};
		delivery.attempts.push(attempt);
		if (success) {
			delivery.status = 'success';
			delivery.nextAttemptAt = null;
			const tx = this.state.findTransaction(delivery.transactionId);
			if (tx) tx.webhookSuccess = 1;
		} else if (
			w &&
			w.retry_conditions.non_2xx_status_code === 1 &&
			number <= RETRY_SCHEDULE_MINUTES.length
		) {
			delivery.status = 'retrying';
			const wait = RETRY_SCHEDULE_MINUTES[number - 1] * this.options.retryMinuteMs;
			attempt.retryInMs = wait;
			delivery.nextAttemptAt = Date.now() + wait;
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				if (generation === this.generation) void this.attempt(delivery, generation);
			}, wait);
			this.timers.add(timer);
		} else {
			delivery.status = 'failed';
			delivery.nextAttemptAt = null;
		}
		this.wake(this.firstWaiters, delivery.id);
		if (isFinal(delivery)) this.wake(this.finalWaiters, delivery.id);
		this.emit('change', delivery);
	}

	private post(
		url: string,
		body: string,
		headers: Record<string, string>,
	): Promise<{ status: number | null; body: string | null; error: string | null }> {
		return new Promise((resolve) => {
			const target = new URL(url);
			const lib = target.protocol === 'https:' ? https : http;
			let settled = false;
			const finish = (r: { status: number | null; body: string | null; error: string | null }) => {
				if (settled) return;
				settled = true;
				this.requests.delete(req);
				resolve(r);
			};
			const req = lib.request(
				target,
				{
					method: 'POST',
					headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
					timeout: this.options.deliveryTimeoutMs,
					// Test mode accepts self-signed certificates; only loopback is reachable anyway.
					...(target.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
				},
				(res) => {
					const chunks: Buffer[] = [];
					let size = 0;
					res.on('data', (c: Buffer) => {
						size += c.length;
						if (size <= MAX_RESPONSE_BYTES) chunks.push(c);
					});
					res.on('end', () =>
						finish({
							status: res.statusCode ?? null,
							body: Buffer.concat(chunks).toString('utf8'),
							error: null,
						}),
					);
					res.on('error', (e) =>
						finish({ status: res.statusCode ?? null, body: null, error: e.message }),
					);
				},
			);
			this.requests.add(req);
			req.on('timeout', () => {
				req.destroy(new Error(`Timed out after ${this.options.deliveryTimeoutMs} ms`));
			});
			req.on('error', (e) => finish({ status: null, body: null, error: e.message }));
			req.end(body);
		});
	}

	/** Resolves with all deliveries once `predicate` holds, or rejects after `timeoutMs`. */
	waitFor(predicate: (deliveries: Delivery[]) => boolean, timeoutMs = 10_000): Promise<Delivery[]> {
		return new Promise((resolve, reject) => {
			const check = () => {
				const all = this.state.deliveries;
				if (!predicate(all)) return false;
				cleanup();
				resolve(all);
				return true;
			};
			const onChange = () => void check();
			const timer = setTimeout(() => {
				cleanup();
				const summary = this.state.deliveries.map(
					(d) =>
						`#${d.id} webhook ${d.webhookId} tx ${d.transactionId} ${d.status} (${d.attempts.length} attempts)`,
				);
				reject(
					new Error(
						`waitForDeliveries timed out after ${timeoutMs} ms; deliveries: ${summary.join('; ') || 'none'}`,
					),
				);
			}, timeoutMs);
			// A wait must never keep the process alive on its own (the server does while open).
			timer.unref();
			const cleanup = () => {
				clearTimeout(timer);
				this.off('change', onChange);
			};
			this.on('change', onChange);
			check();
		});
	}

	/**
	 * Resolves once every delivery in `list` is final. Per-delivery waiters keep this O(1) per
	 * attempt however many transactions are in flight (benchmarks simulate thousands).
	 */
	settled(list: Delivery[]): Promise<Delivery[]> {
		return Promise.all(list.map((d) => this.when(this.finalWaiters, d, isFinal(d)))).then(
			() => list,
		);
	}

	/** Resolves once every delivery in `list` has made its first attempt. */
	firstAttempts(list: Delivery[]): Promise<Delivery[]> {
		return Promise.all(
			list.map((d) => this.when(this.firstWaiters, d, d.attempts.length > 0)),
		).then(() => list);
	}

	private when(waiters: Map<number, (() => void)[]>, d: Delivery, done: boolean): Promise<void> {
		if (done) return Promise.resolve();
		return new Promise((resolve) => {
			const list = waiters.get(d.id) ?? [];
			list.push(resolve);
			waiters.set(d.id, list);
		});
	}

	private wake(waiters: Map<number, (() => void)[]>, id: number): void {
		const list = waiters.get(id);
		if (!list) return;
		waiters.delete(id);
		for (const resolve of list) resolve();
	}

	/** Waits with a deadline (control API); rejects like waitFor. */
	async settledWithin(
		list: Delivery[],
		timeoutMs: number,
		what: 'settled' | 'first',
	): Promise<Delivery[]> {
		let timer: NodeJS.Timeout | undefined;
		const deadline = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() =>
					reject(
						new Error(
							`Deliveries not ${what === 'settled' ? 'final' : 'attempted'} after ${timeoutMs} ms`,
						),
					),
				timeoutMs,
			);
			timer.unref();
		});
		try {
			return await Promise.race([
				what === 'settled' ? this.settled(list) : this.firstAttempts(list),
				deadline,
			]);
		} finally {
			clearTimeout(timer);
		}
	}

	/** Cancels pending retries and in-flight requests (reset / close). */
	stop(): void {
		this.generation++;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const r of this.requests) r.destroy();
		this.requests.clear();
		// Promises of cancelled deliveries stay pending; nothing keeps the process alive for them.
		this.finalWaiters.clear();
		this.firstWaiters.clear();
	}
}
