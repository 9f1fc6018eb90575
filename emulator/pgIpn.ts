/**
 * Payment Gateway IPN (reference C): POSTs SePay's JSON to the IPN URL set in the dashboard, with
 * `X-Secret-Key: <secret key>` when the auth type is SECRET_KEY. Any 2xx is success (SePay asks for
 * HTTP 200). UNCONFIRMED (U17): SePay documents no IPN retries; the emulator retries on the bank
 * webhooks' Fibonacci schedule (scaled by `retryMinuteMs`), so receivers are tested for repeats.
 */
import type { Ctx } from './context';
import { RETRY_SCHEDULE_MINUTES } from './deliveries';
import type { IpnDelivery, PgOrder, PgTransaction } from './pgState';
import { nowPg } from './pgState';

const MAX_RESPONSE_CHARS = 64 * 1024;

export type IpnType = 'ORDER_PAID' | 'TRANSACTION_VOID' | 'RENEWAL_ORDER_PAID';

export function ipnPayload(
	order: PgOrder,
	type: IpnType,
	transaction: PgTransaction,
): Record<string, unknown> {
	const tx: Record<string, unknown> = { ...transaction };
	delete tx.transaction_last_updated_date;
	return {
		timestamp: Math.floor(Date.now() / 1000),
		notification_type: type,
		order: {
			id: order.uuid,
			order_id: order.order_id,
			order_status: order.order_status,
			order_currency: order.order_currency,
			order_amount: `${order.order_amount}.00`,
			order_invoice_number: order.order_invoice_number,
			// UNCONFIRMED (U16): examples show [] whatever was posted; the emulator echoes the string when set.
			custom_data: order.custom_data ?? [],
			user_agent: order.user_agent,
			ip_address: order.ip_address,
			order_description: order.order_description,
		},
		transaction: tx,
		customer: order.customer_id
			? { id: `${order.uuid.slice(0, 24)}c0ffee000001`, customer_id: order.customer_id }
			: null,
		agreement: null,
	};
}

/** Queues one IPN for the configured URL (none when no URL is set) and starts sending it. */
export function sendIpn(
	ctx: Ctx,
	order: PgOrder,
	type: IpnType,
	transaction: PgTransaction,
): IpnDelivery | null {
	const pg = ctx.state.paymentGateway;
	if (!pg.ipn.url) return null;
	const payload = ipnPayload(order, type, transaction);
	const delivery: IpnDelivery = {
		id: pg.nextIpnId++,
		url: pg.ipn.url,
		notificationType: type,
		invoiceNumber: order.order_invoice_number,
		payload,
		body: JSON.stringify(payload),
		status: 'pending',
		attempts: [],
	};
	pg.ipnDeliveries.push(delivery);
	void attempt(ctx, delivery);
	return delivery;
}

/** Sends a stored IPN once more as SePay's "resend" would (same body). */
export function resendIpn(ctx: Ctx, id: number): IpnDelivery {
	const pg = ctx.state.paymentGateway;
	const source = pg.ipnDeliveries.find((d) => d.id === id);
	if (!source) throw new Error(`IPN delivery ${id} not found`);
	const copy: IpnDelivery = { ...source, id: pg.nextIpnId++, status: 'pending', attempts: [] };
	pg.ipnDeliveries.push(copy);
	void attempt(ctx, copy);
	return copy;
}

async function attempt(ctx: Ctx, delivery: IpnDelivery): Promise<void> {
	const pg = ctx.state.paymentGateway;
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		'User-Agent': 'SePay-IPN/1.0 (emulator)',
	};
	if (pg.ipn.authType === 'SECRET_KEY') headers['X-Secret-Key'] = ctx.secrets.pgSecretKey;
	let status: number | null = null;
	let body: string | null = null;
	let error: string | null = null;
	try {
		const response = await fetch(delivery.url, {
			method: 'POST',
			headers,
			body: delivery.body,
			signal: AbortSignal.timeout(ctx.options.deliveryTimeoutMs),
		});
		status = response.status;
		body = (await response.text()).slice(0, MAX_RESPONSE_CHARS);
	} catch (e) {
		error = (e as Error).message;
	}
	if (pg.stopped) return;
	const number = delivery.attempts.length + 1;
	const success = status !== null && status >= 200 && status < 300;
	delivery.attempts.push({
		number,
		at: nowPg(),
		status,
		body,
		error,
		success,
		requestHeaders: headers,
	});
	if (success) {
		delivery.status = 'success';
	} else if (number <= RETRY_SCHEDULE_MINUTES.length) {
		delivery.status = 'retrying';
		pg.later(
			RETRY_SCHEDULE_MINUTES[number - 1] * ctx.options.retryMinuteMs,
			() => void attempt(ctx, delivery),
		);
	} else {
		delivery.status = 'failed';
	}
	pg.emit('change');
}
