import type { IDataObject } from 'n8n-workflow';

import { splitList } from '../helpers/inputValues';
import type { SimpleTransaction } from './simplify';

export type Direction = 'in' | 'out' | 'both';

export interface TransactionFilters {
	direction: Direction;
	accountNumbers: string[];
	minAmount?: number;
	maxAmount?: number;
	onlyWithPaymentCode: boolean;
	paymentCodePrefixes: string[];
	contentContains: string;
}

function optionalNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

/** The node's Direction parameter and Filters collection, read into one plain object. */
export function readFilters(direction: unknown, filters: IDataObject): TransactionFilters {
	return {
		direction: direction === 'in' || direction === 'out' ? direction : 'both',
		accountNumbers: splitList(filters.accountNumbers),
		minAmount: optionalNumber(filters.minAmount),
		// 0 is the parameter's default and means "no upper limit".
		maxAmount: optionalNumber(filters.maxAmount) || undefined,
		onlyWithPaymentCode: filters.onlyWithPaymentCode === true,
		paymentCodePrefixes: splitList(filters.paymentCodePrefix).map((prefix) => prefix.toLowerCase()),
		contentContains: String(filters.contentContains ?? '')
			.trim()
			.toLowerCase(),
	};
}

/** Whether a transaction (in the one compact shape) passes every filter the user set. */
export function matchesFilters(
	transaction: SimpleTransaction,
	filters: TransactionFilters,
): boolean {
	if (filters.direction !== 'both' && transaction.direction !== filters.direction) return false;
	if (filters.accountNumbers.length > 0) {
		const own = [transaction.bankAccountNumber, transaction.subAccount].filter(
			(n): n is string => !!n,
		);
		if (!own.some((number) => filters.accountNumbers.includes(number))) return false;
	}
	const amount = transaction.amount ?? 0;
	if (filters.minAmount !== undefined && amount < filters.minAmount) return false;
	if (filters.maxAmount !== undefined && amount > filters.maxAmount) return false;
	const code = transaction.paymentCode ?? '';
	if (filters.onlyWithPaymentCode && code === '') return false;
	if (filters.paymentCodePrefixes.length > 0) {
		const lower = code.toLowerCase();
		if (!filters.paymentCodePrefixes.some((prefix) => lower.startsWith(prefix))) return false;
	}
	if (filters.contentContains !== '') {
		if (!(transaction.content ?? '').toLowerCase().includes(filters.contentContains)) return false;
	}
	return true;
}
