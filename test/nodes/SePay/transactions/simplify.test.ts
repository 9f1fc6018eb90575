import { looseNumber, looseText } from '../../../../nodes/SePay/helpers/looseValues';
import { simplifyTransaction } from '../../../../nodes/SePay/transactions/simplify';

const SHAPE = [
	'id',
	'date',
	'bankAccountNumber',
	'bank',
	'direction',
	'amount',
	'balance',
	'content',
	'paymentCode',
	'reference',
	'subAccount',
];

describe('simplifyTransaction', () => {
	it('gives one shape for a webhook payload, an API v2 record and an OAuth2 API record', () => {
		const webhook = simplifyTransaction({
			id: 92704,
			gateway: 'Vietcombank',
			transactionDate: '2023-03-25 14:02:37',
			accountNumber: '0123499999',
			subAccount: null,
			code: 'DH123',
			content: 'DH123 chuyen tien',
			transferType: 'in',
			description: 'NGUYEN VAN A DH123 chuyen tien',
			transferAmount: 2277000,
			accumulated: 19077000,
			referenceCode: 'MBVCB.3278907687',
		});
		const v2 = simplifyTransaction({
			id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
			transaction_date: '2026-01-22 16:45:30',
			account_number: '0123456789',
			va: 'VA001',
			transfer_type: 'out',
			amount_in: 0,
			amount_out: 500000,
			accumulated: 1500000,
			transaction_content: 'Thanh toan',
			reference_number: 'FT26069ABC',
			code: null,
			bank_brand_name: 'ACB',
		});
		const v1 = simplifyTransaction({
			id: 49682,
			bank_brand_name: 'Vietcombank',
			account_number: '0071000888888',
			transaction_date: '2025-02-25 19:59:48',
			amount_out: '0.00',
			amount_in: '18067000.00',
			accumulated: '1200541768.00',
			transaction_content: 'chuyen tien',
			reference_number: '677760.250225.080001',
			code: 'DH123456',
			sub_account: '',
		});
		for (const simple of [webhook, v2, v1])
			expect(Object.keys(simple).sort()).toEqual([...SHAPE].sort());
		expect(webhook).toMatchObject({
			id: 92704,
			direction: 'in',
			amount: 2277000,
			paymentCode: 'DH123',
			reference: 'MBVCB.3278907687',
			subAccount: null,
		});
		expect(v2).toMatchObject({
			id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
			direction: 'out',
			amount: 500000,
			subAccount: 'VA001',
			paymentCode: null,
		});
		expect(v1).toMatchObject({
			id: 49682,
			direction: 'in',
			amount: 18067000,
			balance: 1200541768,
			subAccount: null,
		});
	});

	it('keeps ids exactly as sent and invents nothing for missing fields', () => {
		const simple = simplifyTransaction({ id: '000123', transferType: 'out', transferAmount: '' });
		expect(simple.id).toBe('000123');
		expect(simple.amount).toBeNull();
		expect(simple.date).toBeNull();
		expect(simple.direction).toBe('out');
	});
});

describe('loose values', () => {
	it('parses SePay numbers in every form seen', () => {
		expect(looseNumber(2277000)).toBe(2277000);
		expect(looseNumber('18067000.00')).toBe(18067000);
		expect(looseNumber('1,500,000')).toBe(1500000);
		expect(looseNumber('')).toBeNull();
		expect(looseNumber(null)).toBeNull();
		expect(looseNumber('abc')).toBeNull();
		expect(looseText('  ')).toBeNull();
		expect(looseText(0)).toBe('0');
	});
});
