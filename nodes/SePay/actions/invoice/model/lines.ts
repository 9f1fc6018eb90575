import type { IDataObject } from 'n8n-workflow';

import { isEmpty } from '../../../helpers/inputValues';
import type { InvoiceSource } from '../../../helpers/invalidInput';
import { invalidField } from '../../../helpers/invalidInput';
import type { LineName } from './lineNames';
import { jsonLineName } from './lineNames';
import { ALIASES, FIELDS } from './lineKeys';

/** One invoice line as SePay's create endpoint takes it. */
export interface InvoiceLine extends IDataObject {
	line_number: number;
	line_type: number;
	item_name: string;
	item_code?: string;
	unit?: string;
	quantity?: number;
	unit_price?: number;
	tax_rate?: number;
	discount_tax?: number;
	discount_amount?: number;
	before_discount_and_tax_amount?: number;
}

/** SePay's VAT rates: -2 = KCT (not subject to VAT), -1 = KKKNT (not declared, VAT computed). */
export const TAX_RATES = [-2, -1, 0, 5, 8, 10];
const TAX_RATE_WORDS: Record<string, number> = { KCT: -2, KKKNT: -1 };
const TAX_RATE_EXPECTED = "one of SePay's tax rates: -2 (KCT), -1 (KKKNT), 0, 5, 8 or 10";

/** Line types: 1 goods/service, 2 promotional, 3 trade discount, 4 note. */
export const LINE_TYPES = [1, 2, 3, 4];

/** A finite number from a number or a numeric string; undefined when not one. */
function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = Number(value.trim());
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** At most two decimals, judged on the decimal text so 0.1 + 0.2 noise does not count. */
function hasAtMostTwoDecimals(value: number): boolean {
	return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

export function parseTaxRate(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const word = TAX_RATE_WORDS[value.trim().toUpperCase()];
		if (word !== undefined) return word;
		value = value.trim().replace(/%$/, '');
	}
	const rate = toNumber(value);
	return rate !== undefined && TAX_RATES.includes(rate) ? rate : undefined;
}

/** Renames aliases to SePay's keys; an unknown key is an error (a typo would be dropped silently). */
function normaliseKeys(
	raw: IDataObject,
	index: number,
	source: InvoiceSource,
	name: LineName,
): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		const sepayKey = ALIASES[key] ?? key;
		if (!FIELDS.includes(sepayKey)) {
			throw invalidField(
				source,
				name(index, key),
				`one of the item fields ${FIELDS.join(', ')}`,
				value,
			);
		}
		if (!isEmpty(value)) result[sepayKey] = value;
	}
	return result;
}

export interface LineRules {
	/** VAT invoices (template 1) need a tax rate on every line but notes. */
	requireTaxRate: boolean;
	/** How errors name the fields; SePay's JSON keys unless said otherwise. */
	name?: LineName;
}

/**
 * Checks and converts invoice lines before anything is sent: names, line types, the tax-rate enum,
 * quantities with at most two decimals, non-negative money. Errors name the field by `rules.name`.
 */
export function validateLines(
	rawLines: unknown,
	rules: LineRules,
	source: InvoiceSource,
): InvoiceLine[] {
	const name = rules.name ?? jsonLineName;
	if (!Array.isArray(rawLines) || rawLines.length === 0) {
		throw invalidField(
			source,
			name === jsonLineName ? 'items' : '"Items"',
			'at least one invoice line',
			rawLines,
		);
	}
	const seen = new Set<number>();
	return rawLines.map((rawLine, index) => {
		if (!rawLine || typeof rawLine !== 'object' || Array.isArray(rawLine)) {
			throw invalidField(
				source,
				name(index),
				'an object with item_name, quantity, unit_price, ...',
				rawLine,
			);
		}
		const raw = normaliseKeys(rawLine as IDataObject, index, source, name);
		const fail = (field: string, expected: string, value: unknown = raw[field]): never => {
			throw invalidField(source, name(index, field), expected, value);
		};
		const number = (
			field: string,
			check: (n: number) => boolean,
			expected: string,
		): number | undefined => {
			if (raw[field] === undefined) return undefined;
			const value = toNumber(raw[field]);
			if (value === undefined || !check(value)) fail(field, expected);
			return value;
		};

		const lineNumber = raw.line_number === undefined ? index + 1 : toNumber(raw.line_number);
		if (lineNumber === undefined || !Number.isInteger(lineNumber) || lineNumber < 1)
			fail('line_number', 'a whole number from 1');
		if (seen.has(lineNumber as number))
			fail('line_number', 'a line number used once per invoice', lineNumber);
		seen.add(lineNumber as number);

		const lineType = raw.line_type === undefined ? 1 : toNumber(raw.line_type);
		if (lineType === undefined || !LINE_TYPES.includes(lineType)) {
			fail('line_type', '1 (goods or service), 2 (promotional), 3 (trade discount) or 4 (note)');
		}
		const itemName =
			typeof raw.item_name === 'string' || typeof raw.item_name === 'number'
				? String(raw.item_name).trim()
				: '';
		if (!itemName) fail('item_name', 'the item name (or, on a note line, the note text)');

		const line: InvoiceLine = {
			line_number: lineNumber as number,
			line_type: lineType as number,
			item_name: itemName,
		};
		if (raw.item_code !== undefined) line.item_code = String(raw.item_code).trim();
		if (raw.unit !== undefined) line.unit = String(raw.unit).trim();
		const quantity = number(
			'quantity',
			(n) => n >= 0 && hasAtMostTwoDecimals(n),
			'a quantity of 0 or more with at most 2 decimals, such as 1.5',
		);
		if (quantity !== undefined) line.quantity = quantity;
		const unitPrice = number('unit_price', (n) => n >= 0, 'a unit price of 0 or more, before tax');
		if (unitPrice !== undefined) line.unit_price = unitPrice;
		if (raw.tax_rate !== undefined) {
			const rate = parseTaxRate(raw.tax_rate);
			if (rate === undefined) fail('tax_rate', TAX_RATE_EXPECTED);
			line.tax_rate = rate;
		}
		const discountPercent = number(
			'discount_tax',
			(n) => n >= 0 && n <= 100,
			'a discount percentage from 0 to 100',
		);
		if (discountPercent !== undefined) line.discount_tax = discountPercent;
		const discountAmount = number(
			'discount_amount',
			(n) => n >= 0,
			'a discount amount of 0 or more',
		);
		if (discountAmount !== undefined) line.discount_amount = discountAmount;
		const before = number(
			'before_discount_and_tax_amount',
			(n) => n >= 0,
			'an amount of 0 or more',
		);
		if (before !== undefined) line.before_discount_and_tax_amount = before;

		if (line.line_type === 3 && line.before_discount_and_tax_amount === undefined) {
			fail(
				'before_discount_and_tax_amount',
				'the discounted amount: a trade-discount line (line type 3) needs it',
			);
		}
		if (rules.requireTaxRate && line.line_type !== 4 && line.tax_rate === undefined) {
			fail(
				'tax_rate',
				`${TAX_RATE_EXPECTED}: a VAT invoice (template 1) needs one on every line except notes`,
			);
		}
		return line;
	});
}
