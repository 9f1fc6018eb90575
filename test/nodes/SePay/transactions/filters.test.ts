import type { IDataObject } from 'n8n-workflow';

import type { SimpleTransaction } from '../../../../nodes/SePay/transactions/simplify';
import { matchesFilters, readFilters } from '../../../../nodes/SePay/transactions/filters';

const TX: SimpleTransaction = {
	id: 1,
	date: '2026-11-23 10:00:00',
	bankAccountNumber: '0071000888888',
	bank: 'Vietcombank',
	direction: 'in',
	amount: 150000,
	balance: null,
	content: 'Thanh toan DH123 cam on',
	paymentCode: 'DH123',
	reference: 'FT1',
	subAccount: 'VA01',
};

const passes = (direction: string, filters: IDataObject, tx: Partial<SimpleTransaction> = {}) =>
	matchesFilters({ ...TX, ...tx }, readFilters(direction, filters));

describe('transaction filters', () => {
	it('passes everything with no filters and direction both', () => {
		expect(passes('both', {})).toBe(true);
		expect(
			passes('both', {}, { direction: 'out', paymentCode: null, content: null, amount: null }),
		).toBe(true);
	});

	it('filters by direction', () => {
		expect(passes('in', {})).toBe(true);
		expect(passes('out', {})).toBe(false);
		expect(passes('out', {}, { direction: 'out' })).toBe(true);
	});

	it('filters by account or virtual account numbers', () => {
		expect(passes('both', { accountNumbers: '111, 0071000888888' })).toBe(true);
		expect(passes('both', { accountNumbers: 'VA01' })).toBe(true);
		expect(passes('both', { accountNumbers: '111;222' })).toBe(false);
	});

	it('filters by amount range; max 0 means no limit', () => {
		expect(passes('both', { minAmount: 150000, maxAmount: 150000 })).toBe(true);
		expect(passes('both', { minAmount: 150001 })).toBe(false);
		expect(passes('both', { maxAmount: 149999 })).toBe(false);
		expect(passes('both', { maxAmount: 0 })).toBe(true);
	});

	it('filters by payment code presence and prefix (case-insensitive)', () => {
		expect(passes('both', { onlyWithPaymentCode: true })).toBe(true);
		expect(passes('both', { onlyWithPaymentCode: true }, { paymentCode: null })).toBe(false);
		expect(passes('both', { paymentCodePrefix: 'inv, dh' })).toBe(true);
		expect(passes('both', { paymentCodePrefix: 'INV' })).toBe(false);
		expect(passes('both', { paymentCodePrefix: 'DH' }, { paymentCode: null })).toBe(false);
	});

	it('filters by content text (case-insensitive)', () => {
		expect(passes('both', { contentContains: 'CAM ON' })).toBe(true);
		expect(passes('both', { contentContains: 'refund' })).toBe(false);
		expect(passes('both', { contentContains: 'x' }, { content: null })).toBe(false);
	});
});
