/**
 * Payment Gateway state (rebuilt by reset()): checkout orders by invoice number, the IPN endpoint
 * the merchant configured in the dashboard, and every IPN delivery with its attempts.
 */
import { EventEmitter } from 'node:events';

import { deriveUuid } from './prng';
import { formatVnTime } from './time';

export type PgOrderStatus = 'AUTHENTICATION_NOT_NEEDED' | 'CAPTURED' | 'CANCELLED' | 'VOIDED';
export type PgPaymentMethod = 'CARD' | 'BANK_TRANSFER' | 'NAPAS_BANK_TRANSFER';

export interface PgTransaction {
	id: string;
	payment_method: PgPaymentMethod;
	transaction_id: string;
	transaction_type: 'PAYMENT' | 'VOID';
	transaction_amount: string;
	transaction_currency: string;
	transaction_status: 'APPROVED';
	authentication_status: string | null;
	card_number: string | null;
	card_holder_name: string | null;
	card_expiry: string | null;
	card_funding_method: string | null;
	card_brand: string | null;
	transaction_date: string;
	transaction_last_updated_date: string;
}

export interface PgOrder {
	/** SePay's internal id (a numeric string in the list example). */
	id: string;
	uuid: string;
	order_id: string;
	order_invoice_number: string;
	order_status: PgOrderStatus;
	order_amount: number;
	order_currency: string;
	order_description: string;
	customer_id: string | null;
	/** Method fixed by the form, or null when the customer chooses on the payment page. */
	payment_method: PgPaymentMethod | null;
	success_url: string | null;
	error_url: string | null;
	cancel_url: string | null;
	custom_data: string | null;
	user_agent: string;
	ip_address: string;
	created_at: string;
	updated_at: string;
	createdMs: number;
	transactions: PgTransaction[];
	/** Epoch ms of the payment, for the settlement cut-off of a void. */
	paidMs: number | null;
}

export interface IpnAttempt {
	number: number;
	at: string;
	status: number | null;
	body: string | null;
	error: string | null;
	success: boolean;
	requestHeaders: Record<string, string>;
}

export interface IpnDelivery {
	id: number;
	url: string;
	notificationType: string;
	invoiceNumber: string;
	payload: Record<string, unknown>;
	body: string;
	status: 'pending' | 'retrying' | 'success' | 'failed';
	attempts: IpnAttempt[];
}

export interface IpnConfig {
	url: string | null;
	/** SECRET_KEY: SePay sends X-Secret-Key; NONE: no header (PG-IPN). */
	authType: 'SECRET_KEY' | 'NONE';
}

export class PgState extends EventEmitter {
	orders = new Map<string, PgOrder>();
	nextOrderId = 1;
	nextTransactionId = 1;
	ipn: IpnConfig = { url: null, authType: 'SECRET_KEY' };
	ipnDeliveries: IpnDelivery[] = [];
	nextIpnId = 1;

	/** Set by stop() (reset/close): pending retries are dropped, answers still in flight ignored. */
	stopped = false;
	private timers = new Set<NodeJS.Timeout>();

	constructor(private readonly seed: number) {
		super();
		this.setMaxListeners(0);
	}

	later(ms: number, run: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (!this.stopped) run();
		}, ms);
		this.timers.add(timer);
	}

	stop(): void {
		this.stopped = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	/** Resolves once `predicate` holds for the IPN deliveries; rejects after `timeoutMs`. */
	waitForIpn(
		predicate: (deliveries: IpnDelivery[]) => boolean,
		timeoutMs = 10_000,
	): Promise<IpnDelivery[]> {
		return new Promise((resolve, reject) => {
			const check = () => {
				if (!predicate(this.ipnDeliveries)) return;
				cleanup();
				resolve(this.ipnDeliveries);
			};
			const timer = setTimeout(() => {
				cleanup();
				const summary = this.ipnDeliveries.map(
					(d) => `#${d.id} ${d.notificationType} ${d.status} (${d.attempts.length} attempts)`,
				);
				reject(
					new Error(
						`waitForIpn timed out after ${timeoutMs} ms; IPNs: ${summary.join('; ') || 'none'}`,
					),
				);
			}, timeoutMs);
			timer.unref();
			const cleanup = () => {
				clearTimeout(timer);
				this.off('change', check);
			};
			this.on('change', check);
			check();
		});
	}

	/**
	 * Which identifier the detail path takes is UNCONFIRMED (U9b): both by default; a test can
	 * narrow it to see a client cope with either reading.
	 */
	detailAccepts: 'both' | 'invoice' | 'orderId' = 'both';

	/** By invoice number or SePay order id. */
	find(id: string, accepts: PgState['detailAccepts'] = 'both'): PgOrder | undefined {
		const byInvoice = accepts === 'orderId' ? undefined : this.orders.get(id);
		if (byInvoice) return byInvoice;
		if (accepts === 'invoice') return undefined;
		for (const order of this.orders.values()) if (order.order_id === id) return order;
		return undefined;
	}

	newOrderIds(): { id: string; uuid: string; orderId: string } {
		const n = this.nextOrderId++;
		const hex = deriveUuid(this.seed, 'pg-order', n).replace(/-/g, '').slice(0, 13).toUpperCase();
		return {
			id: String(n),
			uuid: deriveUuid(this.seed, 'pg-order-uuid', n),
			orderId: `SEPAY-${hex}`,
		};
	}

	newTransactionIds(): { id: string; transactionId: string } {
		const n = this.nextTransactionId++;
		return {
			id: deriveUuid(this.seed, 'pg-transaction', n),
			transactionId: deriveUuid(this.seed, 'pg-tx-code', n).replace(/-/g, '').slice(0, 13),
		};
	}
}

export function nowPg(ms = Date.now()): string {
	return formatVnTime(ms);
}
