import type { IDataObject } from 'n8n-workflow';

import { NOTIFICATION_TYPES } from './description';

export type Parsed =
	| { ok: true; payload: IDataObject; type: string; key: string }
	| { ok: false; reason: string };

function record(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * An IPN body: a known notification_type and an order identified by its order ID or invoice number.
 * The duplicate key is type + order + transaction (a void repeats the paid transaction's id).
 * Loosely typed fields (numbers as strings, null customer) are accepted as sent.
 */
export function parseNotification(body: unknown): Parsed {
	const payload = record(body);
	if (!payload) return { ok: false, reason: 'not a JSON object' };
	const type = text(payload.notification_type);
	if (!type || !NOTIFICATION_TYPES.includes(type.toUpperCase()))
		return { ok: false, reason: `unknown notification_type ${String(type)}` };
	const order = record(payload.order);
	const orderKey = text(order?.order_id) ?? text(order?.order_invoice_number);
	if (!order || !orderKey) return { ok: false, reason: 'no order' };
	const transaction = record(payload.transaction);
	const transactionKey =
		text(transaction?.transaction_id) ?? text(transaction?.id) ?? text(payload.timestamp) ?? '';
	return {
		ok: true,
		payload,
		type: type.toUpperCase(),
		key: `${type.toUpperCase()}:${orderKey}:${transactionKey}`,
	};
}
