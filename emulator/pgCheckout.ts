/**
 * The hosted checkout (reference A): `POST /v1/checkout/init` takes the browser's form, checks the
 * merchant, the signature (pgSignature.ts) and the fields, creates the order and redirects (302) to
 * the emulator's payment page, whose buttons pay or cancel it (the control API can pay it too).
 * UNCONFIRMED (U4): SePay's error page format is undocumented; errors here are a 400 HTML page.
 */
import type { Ctx } from './context';
import type { EmuRequest, EmuResponse, Router } from './http';
import { asPgError, payOrder, PG_METHODS } from './pgPayment';
import { postedFields, signatureMatches } from './pgSignature';
import type { PgOrder, PgPaymentMethod } from './pgState';
import { nowPg } from './pgState';

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, body: string): EmuResponse {
	const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
	return { status, body: html, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}

function failure(message: string): EmuResponse {
	return page(400, 'Thanh toán không hợp lệ', `<p id="error">${escapeHtml(message)}</p>`);
}

function redirect(location: string): EmuResponse {
	return { status: 302, headers: { Location: location }, body: '' };
}

function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

/** The checks of PG-FORM (+ PHP SDK limits, U7/U8): the first problem found, or null. */
function problemOf(ctx: Ctx, form: Record<string, string>): string | null {
	if (form.merchant !== ctx.secrets.pgMerchantId) return 'Unknown merchant';
	if (form.currency !== 'VND') return 'currency must be VND';
	if ((form.operation ?? '') !== 'PURCHASE') return 'operation must be PURCHASE';
	if (!/^\d+$/.test(form.order_amount ?? '') || Number(form.order_amount) <= 0)
		return 'order_amount must be a positive integer';
	if (!/^[A-Za-z0-9_-]{1,100}$/.test(form.order_invoice_number ?? ''))
		return 'order_invoice_number must be 1-100 letters, digits, _ or -';
	if (!(form.order_description ?? '').trim()) return 'order_description is required';
	if (
		form.payment_method !== undefined &&
		!PG_METHODS.includes(form.payment_method as PgPaymentMethod)
	)
		return 'payment_method is not supported';
	for (const key of ['success_url', 'error_url', 'cancel_url']) {
		if (form[key] !== undefined && !isHttpUrl(form[key])) return `${key} must be an absolute URL`;
	}
	if (ctx.state.paymentGateway.orders.has(form.order_invoice_number))
		return 'order_invoice_number already exists';
	return null;
}

function init(ctx: Ctx, req: EmuRequest): EmuResponse {
	if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
		return failure('The checkout expects an HTML form POST (application/x-www-form-urlencoded)');
	}
	const fields = postedFields(req.rawBody);
	const form = Object.fromEntries(fields);
	if (!form.signature) return failure('signature is required');
	if (
		form.merchant === ctx.secrets.pgMerchantId &&
		!signatureMatches(fields, ctx.secrets.pgSecretKey)
	)
		return failure('Invalid signature');
	const problem = problemOf(ctx, form);
	if (problem) return failure(problem);
	const pg = ctx.state.paymentGateway;
	const ids = pg.newOrderIds();
	const now = nowPg();
	const order: PgOrder = {
		id: ids.id,
		uuid: ids.uuid,
		order_id: ids.orderId,
		order_invoice_number: form.order_invoice_number,
		order_status: 'AUTHENTICATION_NOT_NEEDED',
		order_amount: Number(form.order_amount),
		order_currency: 'VND',
		order_description: form.order_description,
		customer_id: form.customer_id ?? null,
		payment_method: (form.payment_method as PgPaymentMethod | undefined) ?? null,
		success_url: form.success_url ?? null,
		error_url: form.error_url ?? null,
		cancel_url: form.cancel_url ?? null,
		custom_data: form.custom_data ?? null,
		user_agent: String(req.headers['user-agent'] ?? ''),
		ip_address: req.ip,
		created_at: now,
		updated_at: now,
		createdMs: Date.now(),
		transactions: [],
		paidMs: null,
	};
	pg.orders.set(order.order_invoice_number, order);
	return redirect(`${ctx.baseUrl()}/v1/checkout/pay/${encodeURIComponent(order.order_id)}`);
}

function paymentPage(order: PgOrder): EmuResponse {
	const amount = order.order_amount.toLocaleString('vi-VN');
	const action = `/v1/checkout/pay/${encodeURIComponent(order.order_id)}`;
	return page(
		200,
		'SePay – Thanh toán (emulator)',
		`<dl><dt>Đơn hàng</dt><dd id="invoice">${escapeHtml(order.order_invoice_number)}</dd>` +
			`<dt>Số tiền</dt><dd id="amount">${amount} VND</dd>` +
			`<dt>Nội dung</dt><dd id="description">${escapeHtml(order.order_description)}</dd>` +
			`<dt>Trạng thái</dt><dd id="status">${order.order_status}</dd></dl>` +
			`<form method="POST" action="${action}/complete"><button type="submit">Pay</button></form>` +
			`<form method="POST" action="${action}/cancel"><button type="submit">Cancel</button></form>`,
	);
}

export function registerPgCheckout(router: Router, ctx: Ctx): void {
	const byOrderId = (req: EmuRequest) => {
		const order = ctx.state.paymentGateway.find(req.params.orderId);
		return order && order.order_id === req.params.orderId ? order : undefined;
	};
	router.add('POST', '/v1/checkout/init', (req) => init(ctx, req));
	router.add('GET', '/v1/checkout/pay/:orderId', (req) => {
		const order = byOrderId(req);
		return order ? paymentPage(order) : page(404, 'Không tìm thấy đơn hàng', '');
	});
	router.add('POST', '/v1/checkout/pay/:orderId/complete', (req) => {
		const order = byOrderId(req);
		if (!order) return page(404, 'Không tìm thấy đơn hàng', '');
		try {
			payOrder(ctx, order);
		} catch (e) {
			return order.error_url ? redirect(order.error_url) : failure(asPgError(e).message);
		}
		return order.success_url ? redirect(order.success_url) : page(200, 'Thanh toán thành công', '');
	});
	router.add('POST', '/v1/checkout/pay/:orderId/cancel', (req) => {
		const order = byOrderId(req);
		if (!order) return page(404, 'Không tìm thấy đơn hàng', '');
		if (order.order_status === 'AUTHENTICATION_NOT_NEEDED') order.order_status = 'CANCELLED';
		return order.cancel_url ? redirect(order.cancel_url) : page(200, 'Đã hủy thanh toán', '');
	});
}
