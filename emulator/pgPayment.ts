/**
 * What happens to a checkout order after the form: the customer pays (payment page button or the
 * control API), cancels, or the merchant voids a card payment. Each paid/void sends its IPN.
 */
import type { Ctx } from './context';
import type { IpnDelivery, PgOrder, PgPaymentMethod, PgTransaction } from './pgState';
import { nowPg } from './pgState';
import { sendIpn } from './pgIpn';
import { parseVnTime } from './time';

export const PG_METHODS: PgPaymentMethod[] = ['CARD', 'BANK_TRANSFER', 'NAPAS_BANK_TRANSFER'];

export class PgError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

/** Any failure as a PgError: unexpected ones become a 500 (the server's own catch-all does the same). */
export function asPgError(e: unknown): PgError {
	return e instanceof PgError
		? e
		: new PgError(500, 'server_error', `Emulator error: ${(e as Error).message}`);
}

const VN_OFFSET_MS = 7 * 3600 * 1000;
const CUTOFF_HOUR = 16;

/**
 * End of the window in which a card payment can be voided. UNCONFIRMED reading of PG-VOID ("before
 * 16:00 settles T+1, after 16:00 T+2, after 16:00 Friday settles Monday"): the first 16:00 (Vietnam
 * time) on a working day (Mon–Fri) at or after the payment closes the batch; later voids fail.
 */
export function voidCutoffMs(paidMs: number): number {
	const vn = new Date(paidMs + VN_OFFSET_MS);
	const day = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate());
	for (let offset = 0; offset < 8; offset++) {
		const candidate = day + offset * 86_400_000 + CUTOFF_HOUR * 3_600_000;
		const weekday = new Date(candidate).getUTCDay();
		if (weekday === 0 || weekday === 6) continue;
		if (candidate - VN_OFFSET_MS >= paidMs) return candidate - VN_OFFSET_MS;
	}
	throw new Error('unreachable: a working day is always within a week');
}

function transaction(
	ctx: Ctx,
	order: PgOrder,
	method: PgPaymentMethod,
	type: PgTransaction['transaction_type'],
	at: string,
): PgTransaction {
	const ids = ctx.state.paymentGateway.newTransactionIds();
	const card = method === 'CARD';
	return {
		id: ids.id,
		payment_method: method,
		transaction_id: ids.transactionId,
		transaction_type: type,
		transaction_amount: String(order.order_amount),
		transaction_currency: order.order_currency,
		transaction_status: 'APPROVED',
		authentication_status: 'AUTHENTICATION_SUCCESSFUL',
		card_number: card ? '4111XXXXXXXX1111' : null,
		card_holder_name: card ? 'NGUYEN VAN A' : null,
		card_expiry: card ? '12/30' : null,
		card_funding_method: card ? 'CREDIT' : null,
		card_brand: card ? 'VISA' : null,
		transaction_date: at,
		transaction_last_updated_date: at,
	};
}

export interface PayOptions {
	paymentMethod?: string;
	/** `YYYY-MM-DD HH:mm:ss` Vietnam time; default now (lets tests place a payment past the cut-off). */
	transactionDate?: string;
}

export function payOrder(
	ctx: Ctx,
	order: PgOrder,
	options: PayOptions = {},
): { order: PgOrder; ipn: IpnDelivery | null } {
	if (order.order_status !== 'AUTHENTICATION_NOT_NEEDED') {
		throw new PgError(
			422,
			'invalid_state',
			`Order ${order.order_invoice_number} is ${order.order_status}, not awaiting payment`,
		);
	}
	const method = (options.paymentMethod ??
		order.payment_method ??
		'BANK_TRANSFER') as PgPaymentMethod;
	if (!PG_METHODS.includes(method))
		throw new PgError(400, 'bad_request', `paymentMethod must be one of ${PG_METHODS.join(', ')}`);
	if (order.payment_method && order.payment_method !== method) {
		throw new PgError(
			422,
			'invalid_method',
			`Order ${order.order_invoice_number} can only be paid by ${order.payment_method}`,
		);
	}
	const paidMs = options.transactionDate ? parseVnTime(options.transactionDate) : Date.now();
	if (paidMs === null)
		throw new PgError(400, 'bad_request', 'transactionDate must be YYYY-MM-DD HH:mm:ss');
	const at = nowPg(paidMs);
	const tx = transaction(ctx, order, method, 'PAYMENT', at);
	order.transactions.push(tx);
	order.order_status = 'CAPTURED';
	order.payment_method = method;
	order.paidMs = paidMs;
	order.updated_at = nowPg();
	return { order, ipn: sendIpn(ctx, order, 'ORDER_PAID', tx) };
}

/** PG-CANCEL: QR (bank transfer / NAPAS) orders not yet paid or cancelled. */
export function cancelOrder(order: PgOrder): void {
	if (order.payment_method === 'CARD') {
		throw new PgError(
			400,
			'cancel_not_allowed',
			'Only BANK_TRANSFER or NAPAS_BANK_TRANSFER orders can be cancelled',
		);
	}
	if (order.order_status !== 'AUTHENTICATION_NOT_NEEDED') {
		throw new PgError(
			400,
			'cancel_not_allowed',
			`Order is ${order.order_status} and can no longer be cancelled`,
		);
	}
	order.order_status = 'CANCELLED';
	order.updated_at = nowPg();
}

/** PG-VOID: captured card payments before the settlement cut-off; sends TRANSACTION_VOID. */
export function voidOrder(ctx: Ctx, order: PgOrder, nowMs = Date.now()): IpnDelivery | null {
	if (order.payment_method !== 'CARD')
		throw new PgError(400, 'void_not_allowed', 'Only CARD payments can be voided');
	if (order.order_status !== 'CAPTURED' || order.paidMs === null) {
		throw new PgError(
			400,
			'void_not_allowed',
			`Order is ${order.order_status}; only CAPTURED orders can be voided`,
		);
	}
	if (nowMs > voidCutoffMs(order.paidMs)) {
		throw new PgError(
			400,
			'void_not_allowed',
			'The transaction has passed the settlement cut-off and can no longer be voided',
		);
	}
	const tx = transaction(ctx, order, 'CARD', 'VOID', nowPg(nowMs));
	order.transactions.push(tx);
	// UNCONFIRMED (U11): the status after a void is not documented; PHP examples list VOIDED.
	order.order_status = 'VOIDED';
	order.updated_at = nowPg(nowMs);
	return sendIpn(ctx, order, 'TRANSACTION_VOID', tx);
}
