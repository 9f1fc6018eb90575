import type { IDataObject } from 'n8n-workflow';

import { transactionKeys, type TransactionKeys } from '../transactions/matching';
import { simplifyTransaction, type SimpleTransaction } from '../transactions/simplify';

/** The delivery simplified, with amount and balance exactly as read (a text past 2^53). */
export function exactTransaction(payload: IDataObject): SimpleTransaction {
	return {
		...simplifyTransaction(payload),
		amount: payload.transferAmount,
		balance: payload.accumulated ?? null,
	} as SimpleTransaction;
}

/**
 * The keys a delivery is remembered by, from the item the trigger emitted: the exact transaction
 * (Simplify on) or SePay's payload (Simplify off). Used when the delivery arrives and again in the
 * run it started, so both agree. SePay's dashboard test (id 0) has none: it runs every time.
 */
export function deliveryKeys(json: IDataObject, simplified: boolean): TransactionKeys {
	if (String(json.id) === '0') return {};
	return transactionKeys(
		simplified ? (json as SimpleTransaction) : exactTransaction(json),
		'sepay',
	);
}
