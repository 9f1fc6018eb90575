import type { IDataObject } from 'n8n-workflow';

import { formatVietnamTime, vietnamTimeToInstant } from '../../helpers/dates';

const DAY_MS = 86_400_000;

/**
 * Last moment a card payment can be voided. UNCONFIRMED reading of SePay's rule ("paid before 16:00
 * settles T+1, after 16:00 T+2, after 16:00 Friday on Monday"): the batch closes at the first 16:00
 * Vietnam time on a working day (Mon–Fri) at or after the payment; holidays are not known to us.
 */
export function voidDeadline(transactionDate: string): string | undefined {
	const paid = vietnamTimeToInstant(transactionDate);
	if (Number.isNaN(paid)) return undefined;
	for (let offset = 0; offset < 8; offset++) {
		const candidate = `${formatVietnamTime(paid + offset * DAY_MS).slice(0, 10)} 16:00:00`;
		const weekday = new Date(`${candidate.slice(0, 10)}T00:00:00Z`).getUTCDay();
		if (weekday !== 0 && weekday !== 6 && vietnamTimeToInstant(candidate) >= paid) return candidate;
	}
	return undefined;
}

function payments(order: IDataObject): IDataObject[] {
	return ((order.transactions ?? []) as IDataObject[]).filter(
		(tx) => String(tx.transaction_type ?? 'PAYMENT') === 'PAYMENT',
	);
}

/** Why SePay will not cancel this order (PG-CANCEL), or undefined when no documented condition explains it. */
export function cancelRefusal(order: IDataObject): string | undefined {
	const status = String(order.order_status ?? '');
	if (payments(order).some((tx) => tx.payment_method === 'CARD')) {
		return 'Cancel works only for bank-transfer and NAPAS QR orders; this order was paid by card (use Void Transaction)';
	}
	if (status === 'CAPTURED')
		return 'The order is already paid (CAPTURED); only unpaid orders can be cancelled';
	if (status === 'CANCELLED') return 'The order is already cancelled';
	return undefined;
}

/** Why SePay will not void this order's payment (PG-VOID), or undefined. */
export function voidRefusal(order: IDataObject, nowMs: number): string | undefined {
	const status = String(order.order_status ?? '');
	const card = payments(order).find((tx) => tx.payment_method === 'CARD');
	if (!card)
		return 'Void works only for card payments; cancel unpaid bank-transfer or NAPAS QR orders instead';
	if (status !== 'CAPTURED')
		return `The order is ${status || 'not paid'}; only paid (CAPTURED) card orders can be voided`;
	const deadline = voidDeadline(String(card.transaction_date ?? ''));
	if (deadline && nowMs > vietnamTimeToInstant(deadline)) {
		return `The card payment of ${String(card.transaction_date)} passed the settlement cut-off (${deadline} Vietnam time) and can no longer be voided; refund it instead`;
	}
	return undefined;
}
