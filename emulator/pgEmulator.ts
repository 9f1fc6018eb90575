/**
 * SePay Payment Gateway in the emulator: hosted checkout (`/v1/checkout/*`), order API
 * (`/v1/order*`), IPN deliveries and their control API. Merchant ID and secret key are in
 * `emu.secrets.pgMerchantId` / `pgSecretKey`.
 */
import type { Ctx } from './context';
import type { Router } from './http';
import { registerPgApi } from './pgApi';
import { registerPgCheckout } from './pgCheckout';
import { registerPgControl } from './pgControl';
import { resendIpn } from './pgIpn';
import type { PayOptions } from './pgPayment';
import { payOrder } from './pgPayment';
import type { IpnConfig, IpnDelivery, PgOrder } from './pgState';
import { payVaOrder, registerVaOrders } from './vaOrders';
import type { VaOrder } from './vaOrders';
import type { Delivery, Transaction } from './types';

export function registerPaymentGateway(router: Router, ctx: Ctx): void {
	registerPgCheckout(router, ctx);
	registerPgApi(router, ctx);
	registerPgControl(router, ctx);
	registerVaOrders(router, ctx);
}

/** What tests reach through `emu.paymentGateway`. */
export interface PaymentGatewayControl {
	/** The dashboard's IPN setting: URL (null = none) and whether X-Secret-Key is sent. */
	setIpn(url: string | null, authType?: IpnConfig['authType']): void;
	order(invoiceNumber: string): PgOrder | undefined;
	/** The customer pays a checkout order (ORDER_PAID IPN follows). */
	pay(invoiceNumber: string, options?: PayOptions): { order: PgOrder; ipn: IpnDelivery | null };
	ipnDeliveries(): IpnDelivery[];
	waitForIpn(
		predicate: (deliveries: IpnDelivery[]) => boolean,
		timeoutMs?: number,
	): Promise<IpnDelivery[]>;
	resendIpn(id: number): IpnDelivery;
	/** Narrows what `GET /v1/order/detail/<id>` accepts (SePay's docs and SDKs disagree, U9b). */
	setDetailAccepts(accepts: 'both' | 'invoice' | 'orderId'): void;
	/** API v2 VA orders (not Payment Gateway, but the same "take a payment" story). */
	vaOrder(id: string): VaOrder | undefined;
	/** The customer pays a VA of the order: the bank transaction with code + subAccount, delivered to the webhooks. */
	payVaOrder(
		id: string,
		input?: { vaNumber?: string; amount?: number; content?: string },
	): { order: VaOrder; transaction: Transaction; deliveries: Delivery[] };
}

export function paymentGatewayControl(ctx: Ctx): PaymentGatewayControl {
	const pg = () => ctx.state.paymentGateway;
	return {
		setIpn: (url, authType = 'SECRET_KEY') => void (pg().ipn = { url, authType }),
		order: (invoiceNumber) => pg().orders.get(invoiceNumber),
		pay(invoiceNumber, options) {
			const order = pg().orders.get(invoiceNumber);
			if (!order) throw new Error(`No checkout order ${invoiceNumber}`);
			return payOrder(ctx, order, options);
		},
		ipnDeliveries: () => pg().ipnDeliveries,
		waitForIpn: (predicate, timeoutMs) => pg().waitForIpn(predicate, timeoutMs),
		resendIpn: (id) => resendIpn(ctx, id),
		setDetailAccepts: (accepts) => void (pg().detailAccepts = accepts),
		vaOrder: (id) => ctx.state.vaOrders.orders.find((o) => o.id === id),
		payVaOrder: (id, input) => payVaOrder(ctx, id, input),
	};
}
