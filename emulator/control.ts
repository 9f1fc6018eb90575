/**
 * Control API under /_control (JSON in, JSON out): everything the in-process Emulator object can
 * do, for drivers in another process (e2e suite, benchmarks, curl). Documented in README.md.
 */
import type { Ctx } from './context';
import { asRecord, json, type EmuRequest, type EmuResponse, type Router } from './http';
import { v1Transaction, v1Webhook, v2Transaction } from './serialize';
import { InputError } from './simulate';
import type {
	Delivery,
	DeliveryStatus,
	Emulator,
	FaultConfig,
	SimulateTransactionInput,
} from './types';
import { validateWebhookInput } from './webhookModel';

const ENDPOINTS = [
	'GET    /_control/info',
	'POST   /_control/reset                 {tokens?}',
	'GET    /_control/accounts',
	'POST   /_control/transactions          {bank_account_id|account_number, amount, transfer_type, content, code, sub_account, wait: "first"|"settled", timeout_ms}',
	'GET    /_control/transactions/:id',
	'GET    /_control/webhooks',
	'POST   /_control/webhooks              {webhook_url, event_type, authen_type, api_key, secret_key, ...}',
	'DELETE /_control/webhooks/:id',
	'GET    /_control/deliveries            ?webhook_id&transaction_id&status',
	'GET    /_control/deliveries/:id',
	'POST   /_control/deliveries/:id/replay',
	'POST   /_control/deliveries/duplicate  {webhook_id, transaction_id}',
	'POST   /_control/deliveries/wait       {webhook_id, transaction_id, status, count, timeout_ms}',
	'GET    /_control/faults | PUT/POST /_control/faults {failRate, failNext, failStatus, latencyMs, dropRate, dropNext, force429, force429Skip, retryAfterSeconds, expireTokensAfter, expireTokensEvery, paths} | DELETE',
	'POST   /_control/tokens/expire',
	'POST   /_control/oauth/token           {scopes, ttl_seconds}',
	'POST   /_control/einvoice/token        {ttl_seconds}',
	'POST   /_control/einvoice/fail-next    {reason}',
	'PUT    /_control/einvoice/quota        {remaining}',
	'GET    /_control/requests              ?method&path&limit | DELETE',
	'GET    /_control/counters',
	'GET    /_control/early-requests',
];

function bad(message: string, errors?: Record<string, string[]>): EmuResponse {
	return json(400, { error: 'bad_request', message, ...(errors ? { errors } : {}) });
}

function notFound(message: string): EmuResponse {
	return json(404, { error: 'not_found', message });
}

function pick(body: Record<string, unknown>, ...keys: string[]): unknown {
	for (const k of keys) if (body[k] !== undefined) return body[k];
	return undefined;
}

function simulateInput(body: Record<string, unknown>): SimulateTransactionInput {
	const str = (v: unknown) => (v === undefined || v === null ? (v as undefined | null) : String(v));
	return {
		bankAccountId: pick(body, 'bank_account_id', 'bankAccountId') as number | undefined,
		accountNumber: str(pick(body, 'account_number', 'accountNumber')) ?? undefined,
		amount: Number(pick(body, 'amount', 'transferAmount')),
		transferType: (pick(body, 'transfer_type', 'transferType') as 'in' | 'out' | undefined) ?? 'in',
		content: str(pick(body, 'content', 'transaction_content')) ?? undefined,
		code: str(pick(body, 'code')),
		subAccount: str(pick(body, 'sub_account', 'subAccount', 'va')),
		referenceNumber:
			str(pick(body, 'reference_number', 'referenceNumber', 'referenceCode')) ?? undefined,
		description: str(pick(body, 'description')) ?? undefined,
	};
}

function deliveryFilter(source: Record<string, unknown>): (d: Delivery) => boolean {
	const webhookId = source.webhook_id ?? source.webhookId;
	const transactionId = source.transaction_id ?? source.transactionId;
	const status = source.status as DeliveryStatus | undefined;
	return (d) =>
		(webhookId === undefined || d.webhookId === Number(webhookId)) &&
		(transactionId === undefined || d.transactionId === Number(transactionId)) &&
		(status === undefined || d.status === status);
}

export function registerControl(router: Router, ctx: Ctx, emu: () => Emulator): void {
	const add = (
		method: string,
		path: string,
		handler: (req: EmuRequest, body: Record<string, unknown>) => EmuResponse | Promise<EmuResponse>,
	) => router.add(method, `/_control${path}`, (req) => handler(req, asRecord(req.body) ?? {}));

	add('GET', '', () => json(200, { endpoints: ENDPOINTS }));
	add('GET', '/info', () => {
		const e = emu();
		const s = ctx.state;
		return json(200, {
			baseUrl: e.baseUrl,
			secrets: e.secrets,
			options: e.options,
			counts: {
				accounts: s.accounts.length,
				transactions: s.transactions.length,
				webhooks: s.webhooks.size,
				deliveries: s.deliveries.length,
			},
		});
	});
	add('POST', '/reset', (_req, body) => {
		emu().reset({ tokens: body.tokens === true });
		return json(200, { ok: true });
	});
	add('GET', '/accounts', () =>
		json(200, {
			data: ctx.state.accounts.map((a) => ({
				id: a.id,
				uuid: a.uuid,
				bank: a.bank.short_name,
				bank_code: a.bank.code,
				bank_bin: a.bank.bin,
				account_number: a.accountNumber,
				account_holder_name: a.holderName,
				accumulated: a.accumulated,
				vas: ctx.state
					.vasOf(a.id)
					.map((v) => ({ id: v.id, uuid: v.uuid, va: v.va, active: v.active })),
			})),
		}),
	);

	add('POST', '/transactions', async (_req, body) => {
		if (body.wait !== undefined && body.wait !== 'first' && body.wait !== 'settled')
			return bad('wait must be "first" or "settled"');
		let result;
		try {
			result = emu().simulateTransaction(simulateInput(body));
		} catch (e) {
			if (e instanceof InputError) return bad(e.message);
			return json(500, { error: 'server_error', message: (e as Error).message });
		}
		const timeout = Number(body.timeout_ms ?? 10_000);
		try {
			if (body.wait === 'first' || body.wait === 'settled')
				await ctx.deliveries.settledWithin(result.deliveries, timeout, body.wait);
		} catch (e) {
			return json(504, { error: 'timeout', message: (e as Error).message });
		}
		const tx = result.transaction;
		return json(201, {
			transaction: {
				id: tx.id,
				uuid: tx.uuid,
				v1: v1Transaction(tx, ctx.state),
				v2: v2Transaction(tx, ctx.state),
			},
			payload: result.payload,
			deliveries: result.deliveries,
		});
	});
	add('GET', '/transactions/:id', (req) => {
		const id = req.params.id;
		const tx = /^\d+$/.test(id)
			? ctx.state.findTransaction(Number(id))
			: ctx.state.byUuid.get(id.toLowerCase());
		if (!tx) return notFound(`Transaction ${id} not found`);
		return json(200, {
			id: tx.id,
			uuid: tx.uuid,
			v1: v1Transaction(tx, ctx.state),
			v2: v2Transaction(tx, ctx.state),
		});
	});

	add('GET', '/webhooks', () =>
		json(200, {
			data: [...ctx.state.webhooks.values()].map((w) => ({
				...v1Webhook(w, true),
				source: w.source,
			})),
		}),
	);
	add('POST', '/webhooks', (_req, body) => {
		const checked = validateWebhookInput(body, ctx.state, { lenient: true, partial: false });
		if ('errors' in checked) return bad(Object.values(checked.errors)[0][0], checked.errors);
		const w = emu().registerWebhook(body);
		return json(201, { data: { ...v1Webhook(w, true), source: w.source } });
	});
	add('DELETE', '/webhooks/:id', (req) =>
		ctx.state.webhooks.delete(Number(req.params.id))
			? json(200, { ok: true })
			: notFound('Webhook not found'),
	);

	add('GET', '/deliveries', (req) =>
		json(200, { data: ctx.state.deliveries.filter(deliveryFilter(req.query)) }),
	);
	add('POST', '/deliveries/wait', async (_req, body) => {
		const filter = deliveryFilter(body);
		const count = Number(body.count ?? 1);
		try {
			const all = await ctx.deliveries.waitFor(
				(ds) => ds.filter(filter).length >= count,
				Number(body.timeout_ms ?? 10_000),
			);
			return json(200, { data: all.filter(filter) });
		} catch (e) {
			return json(504, { error: 'timeout', message: (e as Error).message });
		}
	});
	add('POST', '/deliveries/duplicate', (_req, body) => {
		try {
			return json(201, {
				data: emu().duplicateDelivery(
					Number(pick(body, 'webhook_id', 'webhookId')),
					Number(pick(body, 'transaction_id', 'transactionId')),
				),
			});
		} catch (e) {
			return notFound((e as Error).message);
		}
	});
	add('GET', '/deliveries/:id', (req) => {
		const d = ctx.state.deliveries.find((x) => x.id === Number(req.params.id));
		return d ? json(200, { data: d }) : notFound('Delivery not found');
	});
	add('POST', '/deliveries/:id/replay', (req) => {
		try {
			return json(201, { data: emu().replayDelivery(Number(req.params.id)) });
		} catch (e) {
			return notFound((e as Error).message);
		}
	});

	const setFaults = (_req: EmuRequest, body: Record<string, unknown>) => {
		const allowed = [
			'failRate',
			'failNext',
			'failStatus',
			'latencyMs',
			'dropRate',
			'dropNext',
			'force429',
			'force429Skip',
			'retryAfterSeconds',
			'expireTokensAfter',
			'expireTokensEvery',
			'paths',
		];
		const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
		if (unknown.length)
			return bad(`Unknown fault option(s): ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`);
		emu().setFaults(body as FaultConfig);
		return json(200, { data: ctx.faults.config });
	};
	add('GET', '/faults', () => json(200, { data: ctx.faults.config }));
	add('PUT', '/faults', setFaults);
	add('POST', '/faults', setFaults);
	add('DELETE', '/faults', () => {
		emu().clearFaults();
		return json(200, { data: {} });
	});

	add('POST', '/tokens/expire', () => json(200, { expired: emu().expireTokens() }));
	add('POST', '/oauth/token', (_req, body) => {
		try {
			return json(
				200,
				emu().issueOAuthToken({
					scopes: body.scopes as string[] | string | undefined,
					ttlSeconds: body.ttl_seconds as number | undefined,
				}),
			);
		} catch (e) {
			return bad((e as Error).message);
		}
	});
	add('POST', '/einvoice/token', (_req, body) =>
		json(200, emu().issueEInvoiceToken({ ttlSeconds: body.ttl_seconds as number | undefined })),
	);
	add('POST', '/einvoice/fail-next', (_req, body) => {
		emu().failNextInvoiceJob(typeof body.reason === 'string' ? body.reason : undefined);
		return json(200, { queued: ctx.state.einvoice.failNext.length });
	});
	add('PUT', '/einvoice/quota', (_req, body) => {
		const remaining = Number(body.remaining);
		if (!Number.isInteger(remaining) || remaining < 0)
			return bad('remaining must be a non-negative integer');
		emu().setEInvoiceQuota(remaining);
		return json(200, { quota_remaining: remaining });
	});

	add('GET', '/requests', (req) => {
		const { method, path } = req.query;
		const limit = Number(req.query.limit ?? 1000);
		const data = emu()
			.requests.filter(
				(r) =>
					!r.path.startsWith('/_control') &&
					(!method || r.method === method.toUpperCase()) &&
					(!path || r.path === path),
			)
			.slice(-limit);
		return json(200, { count: data.length, data });
	});
	add('DELETE', '/requests', () => {
		emu().clearRequests();
		return json(200, { ok: true });
	});
	add('GET', '/counters', () => json(200, emu().counters));
	add('GET', '/early-requests', () => json(200, { data: emu().earlyRequests }));
}
