/**
 * Payment Gateway order API (reference B) under `/v1/order`: Basic auth merchant_id:secret_key,
 * list with every documented filter and `page`/`per_page` + `meta`, detail with transactions,
 * cancel and voidTransaction with SePay's conditions. UNCONFIRMED (U12): the error body is not
 * documented; the emulator answers `{ message, error_code }` (the PHP SDK reads `message`).
 */
import type { Ctx } from './context';
import { basicCredentials, json, type EmuRequest, type EmuResponse, type Router } from './http';
import { positiveInt } from './paging';
import { asPgError, cancelOrder, voidOrder } from './pgPayment';
import type { PgOrder } from './pgState';
import { parseVnTime } from './time';

const STATUSES = ['CAPTURED', 'CANCELLED', 'AUTHENTICATION_NOT_NEEDED', 'VOIDED'];

function error(status: number, code: string, message: string): EmuResponse {
	return json(status, { message, error_code: code });
}

function guard(ctx: Ctx, req: EmuRequest): EmuResponse | null {
	const basic = basicCredentials(req.headers);
	if (!basic || basic.user !== ctx.secrets.pgMerchantId || basic.pass !== ctx.secrets.pgSecretKey) {
		return error(401, 'unauthorized', 'Unauthorized: check merchant_id and secret_key');
	}
	return null;
}

export function listItem(order: PgOrder): Record<string, unknown> {
	return {
		id: order.id,
		customer_id: order.customer_id,
		order_id: order.order_id,
		order_invoice_number: order.order_invoice_number,
		order_status: order.order_status,
		order_amount: `${order.order_amount}.00`,
		order_currency: order.order_currency,
		order_description: order.order_description,
		authentication_status: order.transactions.length ? 'AUTHENTICATION_SUCCESSFUL' : null,
		created_at: order.created_at,
		updated_at: order.updated_at,
	};
}

function detail(order: PgOrder): Record<string, unknown> {
	return { ...listItem(order), transactions: order.transactions };
}

/** Both spellings (U10): docs `end_created_at` + `sort=created_at:desc`, SDKs `to_created_at` + `sort[created_at]=desc`. */
function listOrders(ctx: Ctx, query: Record<string, string>): EmuResponse {
	const page = positiveInt(query.page) ?? 1;
	const perPage = positiveInt(query.per_page) ?? 20;
	if (Number.isNaN(page) || Number.isNaN(perPage) || perPage > 100)
		return error(
			422,
			'validation_error',
			'page and per_page must be positive integers, per_page at most 100',
		);
	if (query.order_status && !STATUSES.includes(query.order_status))
		return error(422, 'validation_error', `order_status must be one of ${STATUSES.join(', ')}`);
	const dates: Record<string, number | null> = {};
	for (const key of ['created_at', 'from_created_at', 'to_created_at', 'end_created_at']) {
		if (query[key] === undefined || query[key] === '') continue;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(query[key]) || parseVnTime(query[key]) === null)
			return error(422, 'validation_error', `${key} must be a date YYYY-MM-DD`);
		dates[key] = parseVnTime(query[key], key !== 'from_created_at');
	}
	const sortText =
		query.sort ??
		(query['sort[created_at]'] ? `created_at:${query['sort[created_at]']}` : 'created_at:desc');
	if (!/^created_at:(asc|desc)$/.test(sortText))
		return error(422, 'validation_error', 'sort must be created_at:asc or created_at:desc');
	const q = (query.q ?? '').toLowerCase();
	const end = dates.to_created_at ?? dates.end_created_at;
	let orders = [...ctx.state.paymentGateway.orders.values()].filter(
		(o) =>
			(!q ||
				[o.order_invoice_number, o.order_id, o.order_description].some((v) =>
					v.toLowerCase().includes(q),
				)) &&
			(!query.order_status || o.order_status === query.order_status) &&
			(!query.customer_id || o.customer_id === query.customer_id) &&
			(dates.created_at === undefined || o.created_at.slice(0, 10) === query.created_at) &&
			(dates.from_created_at === undefined || o.createdMs >= (dates.from_created_at as number)) &&
			(end === undefined || o.createdMs <= (end as number)),
	);
	const direction = sortText.endsWith('asc') ? 1 : -1;
	orders = orders.sort(
		(a, b) => direction * (a.createdMs - b.createdMs || Number(a.id) - Number(b.id)),
	);
	const total = orders.length;
	const pageCount = Math.max(1, Math.ceil(total / perPage));
	return json(200, {
		data: orders.slice((page - 1) * perPage, page * perPage).map(listItem),
		meta: {
			per_page: perPage,
			total,
			has_more: page < pageCount,
			current_page: page,
			page_count: pageCount,
		},
	});
}

function invoiceOf(body: unknown): string | null {
	const value =
		body && typeof body === 'object'
			? (body as Record<string, unknown>).order_invoice_number
			: undefined;
	return typeof value === 'string' && value !== '' ? value : null;
}

function act(ctx: Ctx, req: EmuRequest, run: (order: PgOrder) => void, done: string): EmuResponse {
	const invoice = invoiceOf(req.body);
	if (!invoice) return error(422, 'validation_error', 'order_invoice_number is required');
	const order = ctx.state.paymentGateway.orders.get(invoice);
	if (!order) return error(404, 'not_found', 'Order not found');
	try {
		run(order);
	} catch (e) {
		const failure = asPgError(e);
		return error(failure.status, failure.code, failure.message);
	}
	return json(200, { message: done });
}

export function registerPgApi(router: Router, ctx: Ctx): void {
	const add = (method: string, path: string, handler: (req: EmuRequest) => EmuResponse) =>
		router.add(method, path, (req) => guard(ctx, req) ?? handler(req));
	add('GET', '/v1/order', (req) => listOrders(ctx, req.query));
	add('GET', '/v1/order/detail/:id', (req) => {
		const order = ctx.state.paymentGateway.find(
			req.params.id,
			ctx.state.paymentGateway.detailAccepts,
		);
		return order ? json(200, { data: detail(order) }) : error(404, 'not_found', 'Order not found');
	});
	add('POST', '/v1/order/cancel', (req) =>
		act(ctx, req, cancelOrder, 'Đã hủy đơn hàng thành công'),
	);
	add('POST', '/v1/order/voidTransaction', (req) =>
		act(ctx, req, (order) => voidOrder(ctx, order), 'Đã hủy giao dịch thành công'),
	);
}
