/**
 * SePay emulator: one loopback HTTP server with SePay's OAuth2, OAuth2 API (/api/v1), API v2
 * (/v2), eInvoice API (/v1), VietQR images (/img) and a control API (/_control). See README.md.
 *
 *   const emu = await startEmulator({ port: 0 });
 *   // emu.baseUrl, emu.secrets, emu.issueOAuthToken(), emu.simulateTransaction({ amount: 50000 }) …
 *   await emu.close();
 */
import type { AddressInfo } from 'node:net';

import { registerApiV1 } from './apiV1';
import { registerApiV2 } from './apiV2';
import type { Ctx } from './context';
import { registerControl } from './control';
import { DeliveryEngine } from './deliveries';
import { registerEInvoice } from './einvoice';
import { SEED_END_MS } from './data';
import { Faults } from './faults';
import { Router } from './http';
import { deriveHex } from './prng';
import { registerOAuth } from './oauth';
import { paymentGatewayControl, registerPaymentGateway } from './pgEmulator';
import { registerQr } from './qr';
import { RateLimiter } from './rateLimit';
import { RequestLog } from './requestLog';
import { webhookPayload } from './serialize';
import { createServer } from './server';
import { buildTransaction } from './simulate';
import { EmulatorState } from './state';
import { ALL_SCOPES, TokenStore } from './tokens';
import type {
	Emulator,
	EmulatorClock,
	EmulatorOptions,
	EmulatorSecrets,
	ResolvedOptions,
} from './types';
import { createWebhook, validateWebhookInput } from './webhookModel';

export * from './types';
export { ALL_SCOPES } from './tokens';
export { RETRY_SCHEDULE_MINUTES } from './deliveries';

const REAL_CLOCK: EmulatorClock = {
	now: () => Date.now(),
	sleep: async (ms) => await new Promise((resolve) => setTimeout(resolve, ms)),
};

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
	const o: ResolvedOptions = {
		port: options.port ?? 0,
		host: options.host ?? '127.0.0.1',
		seed: options.seed ?? 1,
		transactions: options.transactions ?? 200,
		seedEndMs: options.seedEndMs ?? SEED_END_MS,
		rateLimit: options.rateLimit ?? false,
		accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
		refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 86400,
		einvoiceTokenTtlSeconds: options.einvoiceTokenTtlSeconds ?? 86400,
		einvoiceJobDelayMs: options.einvoiceJobDelayMs ?? 300,
		einvoiceQuota: options.einvoiceQuota ?? 1000,
		retryMinuteMs: options.retryMinuteMs ?? 60_000,
		deliveryTimeoutMs: options.deliveryTimeoutMs ?? 30_000,
		requestLogLimit: options.requestLogLimit ?? 5000,
		oauthRedirectUri: options.oauthRedirectUri,
		clock: options.clock ?? REAL_CLOCK,
	};
	const nonNegativeInts: (keyof ResolvedOptions)[] = [
		'port',
		'seed',
		'transactions',
		'einvoiceJobDelayMs',
		'einvoiceQuota',
		'requestLogLimit',
	];
	for (const key of nonNegativeInts) {
		const v = o[key];
		if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
			throw new Error(`SePay emulator: option ${key} must be a non-negative integer`);
	}
	const positive: (keyof ResolvedOptions)[] = [
		'accessTokenTtlSeconds',
		'refreshTokenTtlSeconds',
		'einvoiceTokenTtlSeconds',
		'retryMinuteMs',
		'deliveryTimeoutMs',
	];
	for (const key of positive) {
		const v = o[key];
		if (typeof v !== 'number' || !(v > 0))
			throw new Error(`SePay emulator: option ${key} must be a positive number`);
	}
	if (!Number.isSafeInteger(o.seedEndMs))
		throw new Error('SePay emulator: option seedEndMs must be an epoch time in milliseconds');
	if (o.transactions > 1_000_000) throw new Error('SePay emulator: at most 1,000,000 transactions');
	if (o.rateLimit !== false && !(o.rateLimit.perSecond > 0))
		throw new Error('SePay emulator: rateLimit.perSecond must be positive');
	return o;
}

/** Fixed per seed, so `npm run sandbox` prints the same demo credentials every time. */
export function demoSecrets(seed: number, redirectUri?: string): EmulatorSecrets {
	return {
		oauthClientId: `sepay-emu-${deriveHex(seed, 'oauth-client-id', 12)}`,
		oauthClientSecret: deriveHex(seed, 'oauth-client-secret', 40),
		...(redirectUri ? { oauthRedirectUri: redirectUri } : {}),
		apiToken: deriveHex(seed, 'api-token', 64).toUpperCase(),
		einvoiceClientId: `einv-${deriveHex(seed, 'einvoice-client-id', 12)}`,
		einvoiceClientSecret: deriveHex(seed, 'einvoice-client-secret', 48),
		pgMerchantId: `SP-TEST-${deriveHex(seed, 'pg-merchant-id', 7).toUpperCase()}`,
		pgSecretKey: `spsk_test_${deriveHex(seed, 'pg-secret-key', 32)}`,
	};
}

function parseScopes(scopes: string[] | string | undefined): string[] {
	if (scopes === undefined) return [...ALL_SCOPES];
	const list = Array.isArray(scopes) ? scopes : scopes.split(/[\s,]+/);
	const clean = list.map((s) => s.trim()).filter(Boolean);
	const unknown = clean.filter((s) => !ALL_SCOPES.includes(s));
	if (unknown.length) throw new Error(`Unknown scope(s): ${unknown.join(', ')}`);
	return clean;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const o = resolveOptions(options);
	const jobDelayMs = o.einvoiceJobDelayMs;
	const secrets = demoSecrets(o.seed, o.oauthRedirectUri);
	let baseUrl = '';
	const newState = () =>
		new EmulatorState(o.seed, o.transactions, { quota: o.einvoiceQuota }, o.seedEndMs);
	const ctx = {
		options: o,
		secrets,
		state: newState(),
		tokens: new TokenStore(deriveHex(o.seed, 'jwt-signing-key', 64), () => baseUrl),
		faults: new Faults(o.seed),
		baseUrl: () => baseUrl,
	} as Ctx;
	ctx.deliveries = new DeliveryEngine(() => ctx.state, o);
	const limiter = o.rateLimit
		? new RateLimiter(o.rateLimit.perSecond, o.rateLimit.strict === true)
		: null;
	const log = new RequestLog(o.requestLogLimit);
	const router = new Router();
	registerOAuth(router, ctx);
	registerApiV1(router, ctx);
	registerApiV2(router, ctx);
	registerEInvoice(router, ctx);
	registerPaymentGateway(router, ctx);
	registerQr(router);
	registerControl(router, ctx, () => emu);
	const server = createServer({ ctx, router, log, limiter: () => limiter });
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(o.port, o.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	baseUrl = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;
	let closed: Promise<void> | null = null;

	const emu: Emulator = {
		baseUrl,
		port,
		options: o,
		secrets,
		get state() {
			return ctx.state;
		},
		requests: log.requests,
		counters: log.counters,
		earlyRequests: log.early,
		countRequests: (method, path) => log.count(method, path),
		clearRequests: () => log.clear(),
		issueOAuthToken: (opts = {}) =>
			ctx.tokens.issueOAuth(
				secrets.oauthClientId,
				parseScopes(opts.scopes),
				opts.ttlSeconds ?? o.accessTokenTtlSeconds,
				o.refreshTokenTtlSeconds,
			),
		issueEInvoiceToken: (opts = {}) =>
			ctx.tokens.issueEInvoice(
				secrets.einvoiceClientId,
				opts.ttlSeconds ?? o.einvoiceTokenTtlSeconds,
			),
		expireTokens: () => ctx.tokens.expireAll(),
		simulateTransaction(input) {
			const transaction = buildTransaction(ctx.state, input);
			const deliveries = ctx.deliveries.deliverTransaction(transaction);
			const payload = deliveries[0]?.payload ?? webhookPayload(transaction, ctx.state);
			return {
				transaction,
				payload,
				deliveries,
				settled: ctx.deliveries.settled(deliveries),
				firstAttempts: ctx.deliveries.firstAttempts(deliveries),
			};
		},
		registerWebhook(input) {
			const checked = validateWebhookInput(input, ctx.state, { lenient: true, partial: false });
			if ('errors' in checked)
				throw new Error(`Invalid webhook: ${Object.values(checked.errors).flat().join(' ')}`);
			return createWebhook(checked.fields, ctx.state, 'control');
		},
		deliveries: (filter = {}) =>
			ctx.state.deliveries.filter(
				(d) =>
					(filter.webhookId === undefined || d.webhookId === filter.webhookId) &&
					(filter.transactionId === undefined || d.transactionId === filter.transactionId) &&
					(filter.status === undefined || d.status === filter.status),
			),
		waitForDeliveries: (predicate, timeoutMs = 10_000) =>
			ctx.deliveries.waitFor(predicate, timeoutMs),
		replayDelivery: (id) => ctx.deliveries.replay(id),
		duplicateDelivery: (webhookId, transactionId) =>
			ctx.deliveries.duplicate(webhookId, transactionId),
		setFaults: (faults) => void ctx.faults.set(faults),
		clearFaults: () => ctx.faults.clear(),
		failNextInvoiceJob: (reason) =>
			void ctx.state.einvoice.failNext.push(reason ?? 'Thông tin người mua không hợp lệ'),
		setEInvoiceQuota: (remaining) => void (ctx.state.einvoice.quotaRemaining = remaining),
		paymentGateway: paymentGatewayControl(ctx),
		setEInvoiceJobDelay: (ms) => void (o.einvoiceJobDelayMs = ms),
		finishInvoiceJobs() {
			for (const job of ctx.state.einvoice.jobs.values()) job.readyAt = 0;
			ctx.state.einvoice.settle();
		},
		reset(resetOptions = {}) {
			o.einvoiceJobDelayMs = jobDelayMs;
			ctx.deliveries.stop();
			ctx.state.paymentGateway.stop();
			ctx.state = newState();
			ctx.faults.clear();
			limiter?.reset();
			log.clear();
			if (resetOptions.tokens)
				ctx.tokens = new TokenStore(deriveHex(o.seed, 'jwt-signing-key', 64), () => baseUrl);
		},
		close() {
			closed ??= new Promise<void>((resolve) => {
				ctx.deliveries.stop();
				ctx.state.paymentGateway.stop();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		},
	};
	return emu;
}
