/**
 * API v2 `/v2` (§4.2): API-token auth, UUID ids, integer money, `page`/`per_page` (≤100) with the
 * `meta.pagination` envelope, `since_id` polling and `{status:"error", message, error_code}`
 * errors (401 unauthorized, 404 not_found, 422 validation_error; 429 comes from the rate limiter).
 */
import type { Ctx } from './context';
import { bearerToken, json, type EmuRequest, type EmuResponse, type Router } from './http';
import { pagination, positiveInt, sliceFor, type PageRequest } from './paging';
import { v2BankAccount, v2Transaction, v2Va } from './serialize';
import { parseVnTime } from './time';
import { runTxQuery } from './txQuery';
import type { Transaction } from './types';
import type { FieldErrors } from './webhookModel';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function error(
	status: number,
	errorCode: string,
	message: string,
	extra: Record<string, unknown> = {},
): EmuResponse {
	return json(status, { status: 'error', message, error_code: errorCode, ...extra });
}

function invalid(errors: FieldErrors): EmuResponse {
	// UNCONFIRMED: SePay's 422 body for bad query values; the error_code name is our choice.
	return error(422, 'validation_error', Object.values(errors)[0][0], { errors });
}

function guard(ctx: Ctx, req: EmuRequest): EmuResponse | null {
	if (!req.headers.authorization) return error(401, 'unauthorized', 'Missing Authorization header');
	const token = bearerToken(req.headers);
	if (token !== ctx.secrets.apiToken)
		return error(401, 'unauthorized', 'Invalid or disabled API token');
	return null;
}

/** Shared query checks; collects field errors instead of failing on the first. */
class QueryReader {
	errors: FieldErrors = {};

	constructor(private readonly q: Record<string, string>) {}

	private fail(key: string, message: string): undefined {
		(this.errors[key] ??= []).push(message);
		return undefined;
	}

	str(key: string): string | undefined {
		const v = this.q[key];
		return v === undefined || v === '' ? undefined : v;
	}

	int(key: string): number | undefined {
		const v = this.str(key);
		if (v === undefined) return undefined;
		return /^\d+$/.test(v) ? Number(v) : this.fail(key, `The ${key} must be an integer.`);
	}

	oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
		const v = this.str(key);
		if (v === undefined) return undefined;
		return values.includes(v as T)
			? (v as T)
			: this.fail(key, `The ${key} must be one of: ${values.join(', ')}.`);
	}

	time(key: string, endOfDay = false): number | undefined {
		const v = this.str(key);
		if (v === undefined) return undefined;
		const t = parseVnTime(v, endOfDay);
		return t === null ? this.fail(key, `The ${key} must be a date (YYYY-MM-DD HH:mm:ss).`) : t;
	}

	uuid(key: string): string | undefined {
		const v = this.str(key);
		if (v === undefined) return undefined;
		return UUID_RE.test(v) ? v.toLowerCase() : this.fail(key, `The ${key} must be a valid UUID.`);
	}

	page(): PageRequest {
		const page = positiveInt(this.q.page);
		const perPage = positiveInt(this.q.per_page);
		if (Number.isNaN(page)) this.fail('page', 'The page must be a positive integer.');
		if (Number.isNaN(perPage)) this.fail('per_page', 'The per_page must be a positive integer.');
		else if (perPage !== undefined && perPage > 100)
			this.fail('per_page', 'The per_page may not be greater than 100.');
		return {
			page: Number.isNaN(page) ? 1 : (page ?? 1),
			perPage: Number.isNaN(perPage) ? 20 : Math.min(perPage ?? 20, 100),
		};
	}

	ok(): boolean {
		return Object.keys(this.errors).length === 0;
	}
}

function listBody(data: unknown[], total: number, page: PageRequest): Record<string, unknown> {
	return { status: 'success', data, meta: { pagination: pagination(total, page) } };
}

function pickFields(
	obj: Record<string, unknown>,
	fields: string[] | undefined,
): Record<string, unknown> {
	if (!fields) return obj;
	const out: Record<string, unknown> = {};
	for (const f of fields) if (f in obj) out[f] = obj[f];
	return out;
}

/** Lower-cased reference + memo + code, built once per transaction (full-text filters at 100k rows). */
const searchCache = new WeakMap<Transaction, string>();
function searchText(t: Transaction): string {
	let text = searchCache.get(t);
	if (text === undefined) {
		text = `${t.referenceNumber}\n${t.content}\n${t.code ?? ''}`.toLowerCase();
		searchCache.set(t, text);
	}
	return text;
}

function listTransactions(ctx: Ctx, req: EmuRequest): EmuResponse {
	const state = ctx.state;
	const r = new QueryReader(req.query);
	const page = r.page();
	const search = r.str('q')?.toLowerCase();
	const accountUuid = r.uuid('bank_account_id');
	const vaUuid = r.uuid('va_id');
	const brand = r.str('bank_brand_name')?.toLowerCase();
	const fromTime = r.time('transaction_date_from');
	const toTime = r.time('transaction_date_to', true);
	const inMin = r.int('amount_in_min');
	const inMax = r.int('amount_in_max');
	const outMin = r.int('amount_out_min');
	const outMax = r.int('amount_out_max');
	const reference = r.str('reference_number');
	const content = r.str('transaction_content')?.toLowerCase();
	const transferType = r.oneOf('transfer_type', ['in', 'out'] as const);
	const webhookSuccess = r.oneOf('webhook_success', ['0', '1'] as const);
	const sinceUuid = r.uuid('since_id');
	const dateSort = r.oneOf('transaction_date_sort', ['asc', 'desc'] as const);
	const inSort = r.oneOf('amount_in_sort', ['asc', 'desc'] as const);
	const outSort = r.oneOf('amount_out_sort', ['asc', 'desc'] as const);
	const timestampFormat = r.oneOf('timestamp_format', ['iso8601', 'default'] as const);
	const fields = r
		.str('fields')
		?.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
	let afterId: number | undefined;
	if (sinceUuid) {
		const since = state.byUuid.get(sinceUuid);
		// UNCONFIRMED: how SePay answers an unknown since_id; a 422 makes a bad cursor visible.
		if (!since) (r.errors.since_id ??= []).push('The since_id does not match any transaction.');
		else afterId = since.id;
	}
	if (!r.ok()) return invalid(r.errors);

	let base: Transaction[] = state.transactions;
	if (accountUuid) {
		const account = state.findAccountByUuid(accountUuid);
		base = account ? (state.byAccount.get(account.id) ?? []) : [];
	}
	let vaId: number | null | undefined;
	if (vaUuid) vaId = state.vas.find((v) => v.uuid === vaUuid)?.id ?? -1;
	const brandIds = brand
		? new Set(
				state.accounts
					.filter(
						(a) => a.bank.short_name.toLowerCase() === brand || a.bank.code.toLowerCase() === brand,
					)
					.map((a) => a.id),
			)
		: undefined;
	const checks: ((t: Transaction) => boolean)[] = [];
	if (search) checks.push((t) => searchText(t).includes(search));
	if (vaId !== undefined) checks.push((t) => t.vaId === vaId);
	if (brandIds) checks.push((t) => brandIds.has(t.bankAccountId));
	const amountIn = (t: Transaction) => (t.transferType === 'in' ? t.amount : 0);
	const amountOut = (t: Transaction) => (t.transferType === 'out' ? t.amount : 0);
	if (inMin !== undefined) checks.push((t) => amountIn(t) >= inMin);
	if (inMax !== undefined) checks.push((t) => amountIn(t) <= inMax);
	if (outMin !== undefined) checks.push((t) => amountOut(t) >= outMin);
	if (outMax !== undefined) checks.push((t) => amountOut(t) <= outMax);
	if (reference) checks.push((t) => t.referenceNumber === reference);
	if (content)
		checks.push(
			(t) => searchText(t).includes(content) && t.content.toLowerCase().includes(content),
		);
	if (transferType) checks.push((t) => t.transferType === transferType);
	if (webhookSuccess) checks.push((t) => t.webhookSuccess === Number(webhookSuccess));
	const filter = checks.length ? (t: Transaction) => checks.every((c) => c(t)) : undefined;
	const order = dateSort ?? 'desc';
	let compare: ((a: Transaction, b: Transaction) => number) | undefined;
	if (inSort || outSort) {
		const key = inSort ? amountIn : amountOut;
		const dir = (inSort ?? outSort) === 'asc' ? 1 : -1;
		const idDir = order === 'asc' ? 1 : -1;
		compare = (a, b) => (key(a) - key(b)) * dir || (a.id - b.id) * idDir;
	}
	const result = runTxQuery({ base, fromTime, toTime, afterId, filter, order, compare, page });
	const iso = timestampFormat === 'iso8601';
	return json(
		200,
		listBody(
			result.items.map((t) => pickFields(v2Transaction(t, state, iso), fields)),
			result.total,
			page,
		),
	);
}

function listBankAccounts(ctx: Ctx, req: EmuRequest): EmuResponse {
	const r = new QueryReader(req.query);
	const page = r.page();
	const shortName = r.str('bank_short_name')?.toLowerCase();
	const lastFrom = r.time('last_transaction_from');
	const lastTo = r.time('last_transaction_to', true);
	const accMin = r.int('accumulated_min');
	const accMax = r.int('accumulated_max');
	const search = r.str('q')?.toLowerCase();
	const active = r.oneOf('active', ['0', '1'] as const);
	const createdSort = r.oneOf('created_at_sort', ['asc', 'desc'] as const);
	const lastSort = r.oneOf('last_transaction_sort', ['asc', 'desc'] as const);
	const accSort = r.oneOf('accumulated_sort', ['asc', 'desc'] as const);
	if (!r.ok()) return invalid(r.errors);
	const lastTime = (s: string | null) => (s ? (parseVnTime(s) ?? 0) : 0);
	let items = ctx.state.accounts.filter(
		(a) =>
			(!shortName ||
				a.bank.short_name.toLowerCase() === shortName ||
				a.bank.code.toLowerCase() === shortName) &&
			(lastFrom === undefined || lastTime(a.lastTransaction) >= lastFrom) &&
			(lastTo === undefined || lastTime(a.lastTransaction) <= lastTo) &&
			(accMin === undefined || a.accumulated >= accMin) &&
			(accMax === undefined || a.accumulated <= accMax) &&
			(!search ||
				[a.holderName, a.label ?? '', a.accountNumber].some((s) =>
					s.toLowerCase().includes(search),
				)) &&
			(active === undefined || a.active === (active === '1')),
	);
	if (accSort)
		items = [...items].sort(
			(a, b) => (a.accumulated - b.accumulated) * (accSort === 'asc' ? 1 : -1),
		);
	else if (lastSort)
		items = [...items].sort(
			(a, b) =>
				(lastTime(a.lastTransaction) - lastTime(b.lastTransaction)) * (lastSort === 'asc' ? 1 : -1),
		);
	else if (createdSort)
		items = [...items].sort(
			(a, b) => a.createdAt.localeCompare(b.createdAt) * (createdSort === 'asc' ? 1 : -1),
		);
	return json(200, listBody(sliceFor(items, page).map(v2BankAccount), items.length, page));
}

function listVas(ctx: Ctx, req: EmuRequest): EmuResponse {
	const account = UUID_RE.test(req.params.id)
		? ctx.state.findAccountByUuid(req.params.id.toLowerCase())
		: undefined;
	if (!account) return error(404, 'not_found', 'Bank account not found');
	const r = new QueryReader(req.query);
	const page = r.page();
	const search = r.str('q')?.toLowerCase();
	const active = r.oneOf('active', ['0', '1'] as const);
	const official = r.oneOf('official', ['0', '1'] as const);
	const isStatic = r.oneOf('static', ['0', '1'] as const);
	const sort = r.oneOf('created_at_sort', ['asc', 'desc'] as const) ?? 'desc';
	if (!r.ok()) return invalid(r.errors);
	const items = ctx.state
		.vasOf(account.id)
		.filter(
			(v) =>
				(!search ||
					[v.va, v.label ?? '', v.subHolderName].some((s) => s.toLowerCase().includes(search))) &&
				(active === undefined || v.active === (active === '1')) &&
				(official === undefined || v.official === (official === '1')) &&
				(isStatic === undefined || v.static === (isStatic === '1')),
		)
		.sort(
			(a, b) => (a.createdAt.localeCompare(b.createdAt) || a.id - b.id) * (sort === 'asc' ? 1 : -1),
		);
	return json(
		200,
		listBody(
			sliceFor(items, page).map((v) => v2Va(v, ctx.state)),
			items.length,
			page,
		),
	);
}

export function registerApiV2(router: Router, ctx: Ctx): void {
	const route = (path: string, handler: (req: EmuRequest) => EmuResponse) =>
		router.add('GET', `/v2${path}`, (req) => guard(ctx, req) ?? handler(req));
	route('/transactions', (req) => listTransactions(ctx, req));
	route('/transactions/:id', (req) => {
		const tx = ctx.state.byUuid.get(req.params.id.toLowerCase());
		if (!tx) return error(404, 'not_found', 'Transaction not found');
		return json(200, {
			status: 'success',
			data: v2Transaction(tx, ctx.state, req.query.timestamp_format === 'iso8601'),
		});
	});
	route('/bank-accounts', (req) => listBankAccounts(ctx, req));
	route('/bank-accounts/:id', (req) => {
		const account = UUID_RE.test(req.params.id)
			? ctx.state.findAccountByUuid(req.params.id.toLowerCase())
			: undefined;
		return account
			? json(200, { status: 'success', data: v2BankAccount(account) })
			: error(404, 'not_found', 'Bank account not found');
	});
	route('/bank-accounts/:id/va', (req) => listVas(ctx, req));
}
