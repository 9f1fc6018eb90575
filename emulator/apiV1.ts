/**
 * OAuth2 API `/api/v1` (§3): bank accounts, transactions, webhooks CRUD, /me, /company. Bearer
 * access token with scopes. Error bodies are UNCONFIRMED; we answer
 * `{status:"error", error:<code>, message}` (401 unauthorized, 403 forbidden + required_scope,
 * 404 not_found, 400 validation_failed + errors{field:[…]}).
 */
import type { Ctx } from './context';
import {
	asRecord,
	bearerToken,
	json,
	type EmuRequest,
	type EmuResponse,
	type Router,
} from './http';
import { pagination, positiveInt, sliceFor, type PageRequest } from './paging';
import type { PaymentCodeFormat } from './paycode';
import { v1BankAccount, v1SubAccount, v1Transaction, v1Webhook } from './serialize';
import { parseVnTime } from './time';
import { runTxQuery } from './txQuery';
import type { Transaction } from './types';
import {
	applyWebhookUpdate,
	createWebhook,
	validateWebhookInput,
	type FieldErrors,
} from './webhookModel';

const MAX_LIMIT = 100; // UNCONFIRMED: SePay's default/max `limit`; clients use ≤100.
const DEFAULT_LIMIT = 20;

function error(
	status: number,
	code: string,
	message: string,
	extra: Record<string, unknown> = {},
): EmuResponse {
	return json(status, { status: 'error', error: code, message, ...extra });
}

export function validationError(errors: FieldErrors): EmuResponse {
	const first = Object.values(errors)[0]?.[0] ?? 'The given data was invalid.';
	return error(400, 'validation_failed', first, { errors });
}

function notFound(what: string): EmuResponse {
	return error(404, 'not_found', `${what} not found`);
}

/** Checks the bearer token and scope; returns an error response or null. */
function guard(ctx: Ctx, req: EmuRequest, scope: string): EmuResponse | null {
	const check = ctx.tokens.check(bearerToken(req.headers), 'oauth');
	if (!check.ok) {
		const message = {
			missing: 'Missing access token',
			invalid: 'Invalid access token',
			expired: 'Access token has expired',
		}[check.reason];
		return {
			...error(401, 'unauthorized', message),
			headers: {
				'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message}"`,
			},
		};
	}
	if (!check.scopes.includes(scope)) {
		return error(403, 'forbidden', `This action requires the ${scope} scope`, {
			required_scope: scope,
		});
	}
	return null;
}

function pageOf(req: EmuRequest): PageRequest | FieldErrors {
	const page = positiveInt(req.query.page);
	const limit = positiveInt(req.query.limit);
	const errors: FieldErrors = {};
	if (Number.isNaN(page)) errors.page = ['The page must be a positive integer.'];
	if (Number.isNaN(limit)) errors.limit = ['The limit must be a positive integer.'];
	if (Object.keys(errors).length) return errors;
	return { page: page ?? 1, perPage: Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT) };
}

function isPage(p: PageRequest | FieldErrors): p is PageRequest {
	return typeof (p as PageRequest).perPage === 'number';
}

function list<T>(items: T[], page: PageRequest, map: (item: T) => unknown): EmuResponse {
	const p = pagination(items.length, page);
	return json(200, {
		status: 'success',
		data: sliceFor(items, page).map(map),
		meta: {
			pagination: {
				total: p.total,
				per_page: p.per_page,
				current_page: p.current_page,
				last_page: p.last_page,
			},
		},
	});
}

function listTransactions(ctx: Ctx, req: EmuRequest): EmuResponse {
	const page = pageOf(req);
	if (!isPage(page)) return validationError(page);
	const q = req.query;
	const state = ctx.state;
	const errors: FieldErrors = {};
	let base: Transaction[] = state.transactions;
	if (q.bank_account_id !== undefined && q.bank_account_id !== '') {
		if (!/^\d+$/.test(q.bank_account_id))
			errors.bank_account_id = ['The bank_account_id must be an integer.'];
		else base = state.byAccount.get(Number(q.bank_account_id)) ?? [];
	}
	if (q.account_number) {
		const account = state.accounts.find((a) => a.accountNumber === q.account_number);
		base =
			account && (base === state.transactions || base === state.byAccount.get(account.id))
				? (state.byAccount.get(account.id) ?? [])
				: [];
	}
	let fromTime: number | undefined;
	let toTime: number | undefined;
	if (q.from_date) {
		const t = parseVnTime(q.from_date);
		if (t === null) errors.from_date = ['The from_date does not match the format Y-m-d.'];
		else fromTime = t;
	}
	if (q.to_date) {
		const t = parseVnTime(q.to_date, true);
		if (t === null) errors.to_date = ['The to_date does not match the format Y-m-d.'];
		else toTime = t;
	}
	const amount = (key: 'amount_in' | 'amount_out'): number | undefined => {
		const v = q[key];
		if (v === undefined || v === '') return undefined;
		if (!/^\d+(\.\d+)?$/.test(v)) {
			errors[key] = [`The ${key} must be a number.`];
			return undefined;
		}
		return Number(v);
	};
	const amountIn = amount('amount_in');
	const amountOut = amount('amount_out');
	if (Object.keys(errors).length) return validationError(errors);
	const reference = q.reference_number || undefined;
	const filter =
		reference !== undefined || amountIn !== undefined || amountOut !== undefined
			? (t: Transaction) =>
					(reference === undefined || t.referenceNumber === reference) &&
					(amountIn === undefined || (t.transferType === 'in' && t.amount === amountIn)) &&
					(amountOut === undefined || (t.transferType === 'out' && t.amount === amountOut))
			: undefined;
	const result = runTxQuery({ base, fromTime, toTime, filter, order: 'desc', page });
	const p = pagination(result.total, page);
	return json(200, {
		status: 'success',
		data: result.items.map((t) => v1Transaction(t, state)),
		meta: {
			pagination: {
				total: p.total,
				per_page: p.per_page,
				current_page: p.current_page,
				last_page: p.last_page,
			},
		},
	});
}

function validateCodeFormats(value: unknown): PaymentCodeFormat[] | FieldErrors {
	if (!Array.isArray(value) || value.length === 0)
		return { payment_code_formats: ['The payment_code_formats must be a non-empty array.'] };
	const errors: FieldErrors = {};
	const out: PaymentCodeFormat[] = [];
	value.forEach((raw, i) => {
		const f = asRecord(raw);
		const at = (k: string) => `payment_code_formats.${i}.${k}`;
		if (!f) {
			errors[`payment_code_formats.${i}`] = ['Each format must be an object.'];
			return;
		}
		const prefix = f.prefix;
		if (typeof prefix !== 'string' || !/^[A-Za-z0-9]{1,10}$/.test(prefix))
			errors[at('prefix')] = ['The prefix must be 1-10 letters or digits.'];
		const from = f.suffix_from ?? 3;
		const to = f.suffix_to ?? 10;
		if (!Number.isInteger(from) || (from as number) < 1 || (from as number) > 30)
			errors[at('suffix_from')] = ['The suffix_from must be an integer between 1 and 30.'];
		if (!Number.isInteger(to) || (to as number) < 1 || (to as number) > 30)
			errors[at('suffix_to')] = ['The suffix_to must be an integer between 1 and 30.'];
		else if (Number.isInteger(from) && (to as number) < (from as number))
			errors[at('suffix_to')] = ['The suffix_to must be greater than or equal to suffix_from.'];
		const type = f.character_type ?? 'NumberOnly';
		if (type !== 'NumberOnly' && type !== 'NumberAndLetter')
			errors[at('character_type')] = ['The character_type must be NumberOnly or NumberAndLetter.'];
		out.push({
			prefix: String(prefix).toUpperCase(),
			suffix_from: from as number,
			suffix_to: to as number,
			character_type: type as PaymentCodeFormat['character_type'],
			is_active: f.is_active === undefined ? true : Boolean(f.is_active),
		});
	});
	return Object.keys(errors).length ? errors : out;
}

export function registerApiV1(router: Router, ctx: Ctx): void {
	const route = (
		method: string,
		path: string,
		scope: string,
		handler: (req: EmuRequest) => EmuResponse,
	) => router.add(method, `/api/v1${path}`, (req) => guard(ctx, req, scope) ?? handler(req));

	route('GET', '/bank-accounts', 'bank-account:read', (req) => {
		const page = pageOf(req);
		if (!isPage(page)) return validationError(page);
		return list(ctx.state.accounts, page, v1BankAccount);
	});
	route('GET', '/bank-accounts/:id', 'bank-account:read', (req) => {
		const account = ctx.state.findAccount(Number(req.params.id));
		return account
			? json(200, { status: 'success', data: v1BankAccount(account) })
			: notFound('Bank account');
	});
	route('GET', '/bank-accounts/:id/sub-accounts', 'bank-account:read', (req) => {
		const account = ctx.state.findAccount(Number(req.params.id));
		if (!account) return notFound('Bank account');
		const page = pageOf(req);
		if (!isPage(page)) return validationError(page);
		return list(ctx.state.vasOf(account.id), page, v1SubAccount);
	});

	route('GET', '/transactions', 'transaction:read', (req) => listTransactions(ctx, req));
	// UNCONFIRMED: the docs mention a detail call in prose only.
	route('GET', '/transactions/:id', 'transaction:read', (req) => {
		const tx = /^\d+$/.test(req.params.id)
			? ctx.state.findTransaction(Number(req.params.id))
			: undefined;
		return tx
			? json(200, { status: 'success', data: v1Transaction(tx, ctx.state) })
			: notFound('Transaction');
	});

	route('GET', '/webhooks', 'webhook:read', (req) => {
		const page = pageOf(req);
		if (!isPage(page)) return validationError(page);
		const q = req.query;
		if (q.active !== undefined && q.active !== '' && q.active !== '0' && q.active !== '1') {
			return validationError({ active: ['The active must be 0 or 1.'] });
		}
		const items = [...ctx.state.webhooks.values()].filter(
			(w) =>
				(!q.webhook_url || w.webhook_url.includes(q.webhook_url)) &&
				(!q.api_key || w.api_key === q.api_key) &&
				(q.active === undefined || q.active === '' || w.active === (q.active === '1')),
		);
		return list(items, page, (w) => v1Webhook(w));
	});
	route('GET', '/webhooks/:id', 'webhook:read', (req) => {
		const w = ctx.state.webhooks.get(Number(req.params.id));
		return w ? json(200, { status: 'success', data: v1Webhook(w) }) : notFound('Webhook');
	});
	route('POST', '/webhooks', 'webhook:write', (req) => {
		const input = asRecord(req.body);
		if (!input) return validationError({ body: ['The request body must be a JSON object.'] });
		const result = validateWebhookInput(input, ctx.state, { lenient: false, partial: false });
		if ('errors' in result) return validationError(result.errors);
		const webhook = createWebhook(result.fields, ctx.state, 'api');
		// The HMAC secret is generated here and shown in full only in this response.
		const data: Record<string, unknown> = { id: webhook.id };
		if (webhook.secret_key) data.secret_key = webhook.secret_key;
		return json(201, { status: 'success', message: 'Webhook created successfully', data });
	});
	route('PATCH', '/webhooks/:id', 'webhook:write', (req) => {
		const w = ctx.state.webhooks.get(Number(req.params.id));
		if (!w) return notFound('Webhook');
		const input = asRecord(req.body);
		if (!input) return validationError({ body: ['The request body must be a JSON object.'] });
		const result = validateWebhookInput(input, ctx.state, { lenient: false, partial: true }, w);
		if ('errors' in result) return validationError(result.errors);
		applyWebhookUpdate(w, result.fields);
		return json(200, {
			status: 'success',
			message: 'Webhook updated successfully',
			data: v1Webhook(w),
		});
	});
	route('DELETE', '/webhooks/:id', 'webhook:delete', (req) => {
		const id = Number(req.params.id);
		if (!ctx.state.webhooks.delete(id)) return notFound('Webhook');
		return json(200, { status: 'success', message: 'Webhook deleted successfully', data: { id } });
	});

	// Company endpoints also need an Admin/SuperAdmin user (tests may set state.company.role).
	const adminOnly = (handler: (req: EmuRequest) => EmuResponse) => (req: EmuRequest) =>
		['Admin', 'SuperAdmin'].includes(ctx.state.company.role)
			? handler(req)
			: error(403, 'forbidden', 'Only Admin or SuperAdmin users can access company settings');

	route('GET', '/me', 'profile', () => json(200, { status: 'success', data: ctx.state.profile }));
	route(
		'GET',
		'/company',
		'company',
		adminOnly(() => json(200, { status: 'success', data: ctx.state.company })),
	);
	route(
		'PATCH',
		'/company/configurations',
		'company',
		adminOnly((req) => {
			const input = asRecord(req.body);
			if (!input) return validationError({ body: ['The request body must be a JSON object.'] });
			const config = ctx.state.company.configurations;
			if (input.payment_code_formats !== undefined) {
				const formats = validateCodeFormats(input.payment_code_formats);
				if (!Array.isArray(formats)) return validationError(formats);
				config.payment_code_formats = formats;
			}
			for (const key of ['paycode', 'bank_sub_account'] as const) {
				if (input[key] !== undefined) config[key] = Boolean(input[key]);
			}
			return json(200, {
				status: 'success',
				message: 'Configurations updated successfully',
				data: ctx.state.company.configurations,
			});
		}),
	);
}
