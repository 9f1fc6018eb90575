import type { INode } from 'n8n-workflow';

import { issuedDate } from '../../../../../nodes/SePay/actions/invoice/model/issuedDate';
import {
	parseTaxRate,
	validateLines,
} from '../../../../../nodes/SePay/actions/invoice/model/lines';
import {
	canonicalJson,
	deriveReferenceCode,
} from '../../../../../nodes/SePay/actions/invoice/model/referenceCode';
import type { Emulator } from '../../../../../emulator';
import type { CredentialStore } from '../../../../../harness';
import { createParameters, newStore, run, startEInvoiceEmulator } from './setup';

const node = {
	name: 'SePay',
	type: 'sePay',
	typeVersion: 1,
	id: 'x',
	position: [0, 0],
	parameters: {},
} as INode;
const source = { node, itemIndex: 0 };
const ref = { ...source, field: 'Issued Date' };

function failure(fn: () => unknown): { message: string; description?: string } {
	try {
		fn();
	} catch (error) {
		return error as { message: string; description?: string };
	}
	throw new Error('expected an error');
}

describe('invoice lines', () => {
	const vat = { requireTaxRate: true };
	const sales = { requireTaxRate: false };

	it('numbers lines, defaults line type 1, converts numeric strings and rate words', () => {
		expect(
			validateLines(
				[
					{ item_name: ' A ', quantity: '1.5', unit_price: '1000', tax_rate: 'KKKNT' },
					{ itemName: 'B', lineType: 3, taxRate: '10%', beforeDiscountAndTaxAmount: 5000 },
				],
				vat,
				source,
			),
		).toEqual([
			{
				line_number: 1,
				line_type: 1,
				item_name: 'A',
				quantity: 1.5,
				unit_price: 1000,
				tax_rate: -1,
			},
			{
				line_number: 2,
				line_type: 3,
				item_name: 'B',
				tax_rate: 10,
				before_discount_and_tax_amount: 5000,
			},
		]);
	});

	it.each([
		[
			[{ item_name: 'A', quantity: 1.234 }],
			'items[0].quantity (line 1): 1.234',
			'at most 2 decimals',
		],
		[[{ item_name: 'A' }, { item_name: 'B', tax_rate: 7 }], 'items[1].tax_rate (line 2): 7', 'KCT'],
		[[{ item_name: 'A' }, { item_name: '' }], 'items[1].item_name (line 2): nothing', 'item name'],
		[[{ item_name: 'A', line_type: 5 }], 'items[0].line_type (line 1): 5', '4 (note)'],
		[[{ item_name: 'A', unit_price: -1 }], 'items[0].unit_price (line 1): -1', '0 or more'],
		[[{ item_name: 'A', discount_tax: 120 }], 'items[0].discount_tax (line 1): 120', '0 to 100'],
		[
			[{ item_name: 'A', line_type: 3 }],
			'items[0].before_discount_and_tax_amount (line 1): nothing',
			'trade-discount',
		],
		[
			[{ item_name: 'A', line_number: 2 }, { item_name: 'B' }],
			'items[1].line_number (line 2): 2',
			'used once',
		],
		[[{ item_name: 'A', prise: 3 }], 'items[0].prise (line 1): 3', 'item fields'],
		[[], 'items: []', 'at least one'],
	])('refuses %j on a sales invoice', (lines, where, expected) => {
		const error = failure(() => validateLines(lines, sales, source));
		expect(error.message).toBe(`Invalid value for ${where}`);
		expect(error.description).toContain(expected);
	});

	it('a VAT invoice needs a tax rate on every line but notes', () => {
		expect(() => validateLines([{ item_name: 'Note', line_type: 4 }], vat, source)).not.toThrow();
		const error = failure(() =>
			validateLines(
				[
					{ item_name: 'A', tax_rate: 10 },
					{ item_name: 'Gift', line_type: 2 },
				],
				vat,
				source,
			),
		);
		expect(error.message).toBe('Invalid value for items[1].tax_rate (line 2): nothing');
		expect(error.description).toContain('VAT invoice');
	});

	it('tax-rate enum', () => {
		expect([-2, -1, 0, 5, 8, 10, 'KCT', 'kkknt', '8%', '5'].map(parseTaxRate)).toEqual([
			-2, -1, 0, 5, 8, 10, -2, -1, 8, 5,
		]);
		expect([7, 'VAT', '', null, 10.5].map(parseTaxRate)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});
});

describe('issued date', () => {
	const now = Date.UTC(2026, 10, 23, 20, 0, 0); // 2026-11-24 03:00:00 in Vietnam

	it.each([
		['', '2026-11-24 03:00:00'],
		['2026-06-01 09:30:00', '2026-06-01 09:30:00'],
		['2026-06-01', '2026-06-01 00:00:00'],
		['2026-06-01T09:30', '2026-06-01 09:30:00'],
		['2026-06-01T02:30:00Z', '2026-06-01 09:30:00'],
		['2026-06-01T09:30:00.000+07:00', '2026-06-01 09:30:00'],
		['2026-05-31T23:00:00-05:00', '2026-06-01 11:00:00'],
	])('%j → %s', (input, expected) => {
		expect(issuedDate(input, ref, now)).toBe(expected);
	});

	it('takes Date and Luxon-like values from expressions', () => {
		expect(issuedDate(new Date('2026-06-01T02:30:00Z'), ref, now)).toBe('2026-06-01 09:30:00');
		expect(issuedDate({ toISO: () => '2026-06-01T09:30:00.000+07:00' }, ref, now)).toBe(
			'2026-06-01 09:30:00',
		);
	});

	it.each(['01/06/2026', '2026-02-30', '2026-06-01 25:00:00', '2026-12-01 00:00:00', 20260601])(
		'refuses %j',
		(input) => {
			const error = failure(() => issuedDate(input, ref, now));
			expect(error.message).toBe(
				`Invalid value for "Issued Date": ${typeof input === 'string' ? input : String(input)}`,
			);
		},
	);
});

describe('derived reference code', () => {
	const invoice = {
		provider_account_id: 'p',
		template_code: '1',
		items: [{ item_name: 'A' }],
		issued_date: '2026-06-01 09:30:00',
	};

	it('is a UUID-shaped digest, independent of key order, issued date and draft choice', () => {
		const a = deriveReferenceCode({ id: 1, amount: 5 }, invoice);
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(
			deriveReferenceCode(
				{ amount: 5, id: 1 },
				{ ...invoice, issued_date: '2026-06-02 00:00:00', is_draft: true },
			),
		).toBe(a);
		expect(deriveReferenceCode({ id: 2, amount: 5 }, invoice)).not.toBe(a);
		expect(
			deriveReferenceCode({ id: 1, amount: 5 }, { ...invoice, items: [{ item_name: 'B' }] }),
		).not.toBe(a);
	});

	it('canonical JSON sorts keys at every level', () => {
		expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null, u: undefined })).toBe(
			'{"a":null,"b":[{"c":2,"d":1}]}',
		);
	});
});

describe('validation in the node: nothing is sent', () => {
	let emu: Emulator;
	let store: CredentialStore;
	beforeAll(async () => {
		emu = await startEInvoiceEmulator();
		store = newStore(emu);
	});
	afterAll(async () => await emu.close());
	beforeEach(() => emu.clearRequests());

	it.each([
		[
			{ itemsInput: 'json', itemsJson: '[{"item_name":"A","quantity":0.125,"tax_rate":10}]' },
			'Invalid value for items[0].quantity (line 1): 0.125',
		],
		[
			{ items: { item: [{ itemName: 'A', taxRate: 'none' }] } },
			'Invalid value for "Items → Line 1 → Tax Rate": nothing',
		],
		[
			{
				items: {
					item: [
						{ itemName: 'A', taxRate: '10' },
						{ itemName: 'B', quantity: 1.234 },
					],
				},
			},
			'Invalid value for "Items → Line 2 → Quantity": 1.234',
		],
		[
			{ items: { item: [{ itemName: '' }] } },
			'Invalid value for "Items → Line 1 → Item Name": nothing',
		],
		[{ items: {} }, 'Invalid value for "Items": []'],
		[
			{ itemsInput: 'json', itemsJson: '{not json' },
			'Invalid value for "Items (JSON)": "{not json"',
		],
		[
			{ additionalFields: { totalAmount: 100.5 } },
			'Invalid value for "Additional Fields → Total Amount Override": 100.5',
		],
		[{ issuedDate: '2026/06/01' }, 'Invalid value for "Issued Date": 2026/06/01'],
		[{ template: 'C26TAT' }, 'Invalid value for "Template": C26TAT'],
		[
			{ buyer: { email: 'not-an-email' } },
			'Invalid value for "Buyer Details → Email": "not-an-email"',
		],
		[
			{ referenceCodeMode: 'custom', referenceCode: 'A B' },
			'Invalid value for "Custom Reference Code": "A B"',
		],
	])('%j', async (extra, message) => {
		const error = await run({ store, parameters: createParameters(emu, extra) }).catch((e) => e);
		expect(error.message).toBe(message);
		expect(emu.requests.filter((r) => r.path.startsWith('/v1/invoices'))).toHaveLength(0);
	});
});
