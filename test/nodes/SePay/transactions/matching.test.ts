import type { IDataObject } from 'n8n-workflow';

import {
	canonicalAmount,
	idKey,
	keyList,
	lookupList,
	transactionKeys,
} from '../../../../nodes/SePay/transactions/matching';
import { simplifyTransaction } from '../../../../nodes/SePay/transactions/simplify';

/** One bank transfer as each SePay surface reports it. */
function webhook(extra: IDataObject = {}): IDataObject {
	return {
		id: 92704,
		gateway: 'Vietcombank',
		transactionDate: '2026-11-23 14:02:37',
		accountNumber: '0123499999',
		subAccount: null,
		code: 'DH1',
		content: 'chuyen tien DH1',
		transferType: 'in',
		description: '',
		transferAmount: 2277000,
		accumulated: 19077000,
		referenceCode: 'MBVCB.3278907687',
		...extra,
	};
}

function apiV2(extra: IDataObject = {}): IDataObject {
	return {
		id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
		transaction_date: '2026-11-23 14:02:37',
		account_number: '0123499999',
		transfer_type: 'in',
		amount_in: 2277000,
		amount_out: 0,
		accumulated: 19077000,
		transaction_content: 'chuyen tien DH1',
		reference_number: 'MBVCB.3278907687',
		code: 'DH1',
		bank_brand_name: 'Vietcombank',
		webhook_success: 1,
		...extra,
	};
}

function oAuth2(extra: IDataObject = {}): IDataObject {
	return {
		id: 92704,
		bank_brand_name: 'Vietcombank',
		account_number: '0123499999',
		transaction_date: '2026-11-23 14:02:37',
		amount_out: '0.00',
		amount_in: '2277000.00',
		accumulated: '19077000.00',
		transaction_content: 'chuyen tien DH1',
		reference_number: 'MBVCB.3278907687',
		code: 'DH1',
		sub_account: null,
		...extra,
	};
}

/** API v2 records have UUIDs (a space of their own); webhook and OAuth2 records SePay's numeric ids. */
const keysOf = (record: IDataObject) =>
	transactionKeys(
		simplifyTransaction(record),
		'transaction_date' in record && !('bank_account_id' in record) && typeof record.id === 'string'
			? 'apiV2'
			: 'sepay',
	);
/** Whether b, once remembered, makes a count as seen (and the other way round: the rule is symmetric). */
const shareAKey = (a: IDataObject, b: IDataObject) => {
	const seen = (x: IDataObject, y: IDataObject) =>
		lookupList(keysOf(x)).some((key) => keyList(keysOf(y)).includes(key));
	const forward = seen(a, b);
	expect(seen(b, a)).toBe(forward);
	return forward;
};

describe('Matching one transfer across SePay surfaces', () => {
	it('recognises the same transfer by webhook, API v2 and the OAuth2 API', () => {
		expect(shareAKey(webhook(), apiV2())).toBe(true);
		expect(shareAKey(webhook(), oAuth2())).toBe(true);
		expect(shareAKey(apiV2(), oAuth2())).toBe(true);
		// Webhook and OAuth2 share the numeric id itself, too.
		expect(keysOf(webhook()).id).toBe(keysOf(oAuth2()).id);
	});

	it('is not misled by formatting: decimal amounts, ISO dates, spaces around the reference and account', () => {
		expect(
			shareAKey(
				apiV2({ amount_in: '2,277,000.00', transaction_date: '2026-11-23T14:02:37+07:00' }),
				webhook({ referenceCode: ' MBVCB.3278907687 ', accountNumber: '0123 499 999' }),
			),
		).toBe(true);
		// The bank time may differ between surfaces by seconds: the day is what is compared.
		expect(shareAKey(webhook({ transactionDate: '2026-11-23 14:02:39' }), apiV2())).toBe(true);
	});

	it('lets comparable ids decide alone: two webhook ids are two transactions even with one fingerprint', () => {
		expect(shareAKey(webhook(), webhook({ id: 92705 }))).toBe(false);
		expect(shareAKey(webhook(), oAuth2({ id: 92705 }))).toBe(false);
		expect(shareAKey(apiV2(), apiV2({ id: 'another-uuid' }))).toBe(false);
	});

	it('never takes two transfers that look alike for one (same amount, memo and day, another reference)', () => {
		expect(
			shareAKey(webhook(), apiV2({ reference_number: 'MBVCB.3278907688', id: 'other-uuid' })),
		).toBe(false);
		expect(shareAKey(webhook(), webhook({ id: 92705, referenceCode: 'MBVCB.3278907688' }))).toBe(
			false,
		);
	});

	it('never merges transfers with one reference but another amount, account, direction or day', () => {
		const other = { id: 'other-uuid' };
		expect(shareAKey(webhook(), apiV2({ ...other, amount_in: 2277001 }))).toBe(false);
		expect(shareAKey(webhook(), apiV2({ ...other, account_number: '0123499998' }))).toBe(false);
		expect(
			shareAKey(
				webhook(),
				apiV2({ ...other, transfer_type: 'out', amount_in: 0, amount_out: 2277000 }),
			),
		).toBe(false);
		expect(shareAKey(webhook(), apiV2({ ...other, transaction_date: '2026-11-24 14:02:37' }))).toBe(
			false,
		);
	});

	it('without a reference: no fingerprint, matched by id only (two such transfers stay two)', () => {
		for (const reference of ['', null, '   ']) {
			const hook = webhook({ referenceCode: reference });
			expect(keysOf(hook).fingerprint).toBeUndefined();
			expect(keyList(keysOf(hook))).toEqual(['92704']);
			expect(lookupList(keysOf(hook))).toEqual(['92704']);
			// The OAuth2 API still knows it by the numeric id; API v2 (a UUID) cannot.
			expect(shareAKey(hook, oAuth2({ reference_number: reference }))).toBe(true);
			expect(shareAKey(hook, apiV2({ reference_number: reference }))).toBe(false);
			expect(shareAKey(hook, webhook({ id: 92705, referenceCode: reference }))).toBe(false);
		}
	});

	it('keeps ids past 2^53 and ids given as text exact: no two ids collapse into one', () => {
		expect(idKey('9007199254740993')).toBe('9007199254740993');
		expect(idKey('9007199254740993')).not.toBe(idKey('9007199254740992'));
		expect(idKey('0077001')).not.toBe(idKey('77001'));
		const big = (id: string, ref: string) => keysOf(webhook({ id, referenceCode: ref }));
		expect(keyList(big('9007199254740993', 'FT1'))).not.toEqual(
			expect.arrayContaining(keyList(big('9007199254740992', 'FT2'))),
		);
		// The same big id is one transaction.
		expect(big('9007199254740993', 'FT1').id).toBe(big('9007199254740993', 'FT1').id);
	});

	it("has no id for SePay's test delivery (id 0) or a missing id", () => {
		expect(idKey(0)).toBeUndefined();
		expect(idKey('0')).toBeUndefined();
		expect(idKey(null)).toBeUndefined();
		expect(idKey('')).toBeUndefined();
	});

	it('reads amounts exactly, also past 2^53 as text', () => {
		expect(canonicalAmount('18067000.00')).toBe('18067000');
		expect(canonicalAmount(18067000)).toBe('18067000');
		expect(canonicalAmount('0012.50')).toBe('12.5');
		expect(canonicalAmount('90071992547409930')).toBe('90071992547409930');
		expect(canonicalAmount('90071992547409931')).not.toBe(canonicalAmount('90071992547409930'));
		expect(canonicalAmount('-5')).toBeUndefined();
		expect(canonicalAmount('abc')).toBeUndefined();
	});

	it('keeps a fingerprint short (a fixed-size hash, not the raw fields)', () => {
		const fingerprint = keysOf(webhook({ content: 'x'.repeat(500) })).fingerprint ?? '';
		expect(fingerprint).toMatch(/^#[\w-]{9}$/);
		expect(keysOf(webhook({})).counterpart).toMatch(/^\*[\w-]{9}$/);
	});
});
