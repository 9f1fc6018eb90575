import type { IDataObject } from 'n8n-workflow';

import { looseNumber, looseText } from '../helpers/looseValues';

/**
 * One compact transaction shape for API v2, the OAuth2 API and webhook deliveries, so a workflow
 * (e.g. rows in Google Sheets) keeps working whichever credential or trigger feeds it.
 */
export interface SimpleTransaction extends IDataObject {
	/** As SePay sent it: a UUID string on API v2, a number on the OAuth2 API and in webhooks. */
	id: string | number | null;
	/** Bank-side time as SePay gives it (YYYY-MM-DD HH:mm:ss, Vietnam time). */
	date: string | null;
	bankAccountNumber: string | null;
	bank: string | null;
	direction: 'in' | 'out';
	/** Always positive, in VND. */
	amount: number | null;
	/** Balance after the transaction, when the bank reports it. */
	balance: number | null;
	content: string | null;
	paymentCode: string | null;
	reference: string | null;
	subAccount: string | null;
}

function sepayId(value: unknown): string | number | null {
	return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null;
}

function isWebhookPayload(record: IDataObject): boolean {
	return 'transferAmount' in record || 'transferType' in record || 'transactionDate' in record;
}

export function simplifyTransaction(record: IDataObject): SimpleTransaction {
	if (isWebhookPayload(record)) {
		const direction = String(record.transferType ?? '').toLowerCase() === 'out' ? 'out' : 'in';
		const amount = looseNumber(record.transferAmount);
		return {
			id: sepayId(record.id),
			date: looseText(record.transactionDate),
			bankAccountNumber: looseText(record.accountNumber),
			bank: looseText(record.gateway),
			direction,
			amount: amount === null ? null : Math.abs(amount),
			balance: looseNumber(record.accumulated),
			content: looseText(record.content),
			paymentCode: looseText(record.code),
			reference: looseText(record.referenceCode),
			subAccount: looseText(record.subAccount),
		};
	}
	const amountIn = looseNumber(record.amount_in) ?? 0;
	const amountOut = looseNumber(record.amount_out) ?? 0;
	const type = String(record.transfer_type ?? '').toLowerCase();
	const direction =
		type === 'in' || type === 'out' ? type : amountOut > 0 && amountIn === 0 ? 'out' : 'in';
	return {
		id: sepayId(record.id),
		date: looseText(record.transaction_date),
		bankAccountNumber: looseText(record.account_number),
		bank: looseText(record.bank_brand_name),
		direction,
		amount: Math.abs(direction === 'out' ? amountOut : amountIn),
		balance: looseNumber(record.accumulated),
		content: looseText(record.transaction_content),
		paymentCode: looseText(record.code),
		reference: looseText(record.reference_number),
		subAccount: looseText(record.sub_account ?? record.va),
	};
}
