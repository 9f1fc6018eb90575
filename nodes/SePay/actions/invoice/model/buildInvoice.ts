import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { InvoiceSource } from '../../../helpers/invalidInput';
import { invalidField } from '../../../helpers/invalidInput';
import { issuedDate } from './issuedDate';
import { TAX_RATE_BY_TEMPLATE, VAT_RATE_BY_TEMPLATE } from '../create.description';
import { fieldsLineName, jsonLineName } from './lineNames';
import { validateLines } from './lines';
import { customReferenceCode, deriveReferenceCode } from './referenceCode';
import { parseTemplate } from './template';

const CURRENCIES = ['VND', 'USD', 'CAD'];
const PAYMENT_METHODS = ['TM', 'CK', 'TM/CK', 'KHAC'];
const BUYER_TYPES = ['personal', 'company'];
const BUYER_KEYS = [
	'type',
	'name',
	'legal_name',
	'tax_code',
	'address',
	'email',
	'phone',
	'buyer_code',
	'national_id',
];

/**
 * Lines from the Items fixed collection: zero discounts and "None" tax rates are not sent;
 * "By Template" is 10% on a VAT invoice (not on its note lines) and nothing on a sales invoice.
 */
function linesFromFields(collection: IDataObject, vat: boolean): IDataObject[] {
	const rows = (collection.item ?? []) as IDataObject[];
	return rows.map((row) => {
		const line: IDataObject = {};
		for (const [key, value] of Object.entries(row)) {
			if (key === 'taxRate' && value === TAX_RATE_BY_TEMPLATE) {
				if (vat && Number(row.lineType ?? 1) !== 4) line[key] = VAT_RATE_BY_TEMPLATE;
				continue;
			}
			if (key === 'taxRate' && value === 'none') continue;
			if (
				['discountPercent', 'discountAmount', 'beforeDiscountAndTaxAmount'].includes(key) &&
				Number(value) === 0
			)
				continue;
			line[key] = value;
		}
		return line;
	});
}

function linesFromJson(raw: unknown, source: InvoiceSource): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return jsonParse(raw);
	} catch {
		throw invalidField(source, '"Items (JSON)"', 'a JSON array of invoice lines', raw);
	}
}

function buyerOf(name: unknown, details: IDataObject, source: InvoiceSource): IDataObject {
	const buyer: IDataObject = {};
	for (const [key, value] of Object.entries({ ...details, name })) {
		if (!BUYER_KEYS.includes(key))
			throw invalidField(
				source,
				`"Buyer Details → ${key}"`,
				`one of ${BUYER_KEYS.join(', ')}`,
				value,
			);
		const text = value === undefined || value === null ? '' : String(value).trim();
		if (text) buyer[key] = text;
	}
	if (buyer.type !== undefined && !BUYER_TYPES.includes(String(buyer.type))) {
		throw invalidField(source, '"Buyer Details → Type"', 'personal or company', buyer.type);
	}
	if (buyer.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(buyer.email))) {
		throw invalidField(
			source,
			'"Buyer Details → Email"',
			'an email address such as ketoan@example.com',
			buyer.email,
		);
	}
	return buyer;
}

/** The create body (without reference_code) from the node's parameters, validated. */
export function buildInvoiceBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const source: InvoiceSource = { node: context.getNode(), itemIndex };
	const param = <T>(name: string, fallback?: T) =>
		context.getNodeParameter(name, itemIndex, fallback) as T;

	const providerAccountId = String(param('providerAccountId', '') ?? '').trim();
	if (!providerAccountId)
		throw invalidField(
			source,
			'"Provider Account Name or ID"',
			'a provider account from the list or its ID',
			providerAccountId,
		);
	const template = parseTemplate(param('template', ''), { ...source, field: 'Template' });

	const currency = String(param('currency', 'VND'));
	if (!CURRENCIES.includes(currency))
		throw invalidField(source, '"Currency"', CURRENCIES.join(', '), currency);
	const paymentMethod = String(param('paymentMethod', 'none'));
	if (paymentMethod !== 'none' && !PAYMENT_METHODS.includes(paymentMethod)) {
		throw invalidField(source, '"Payment Method"', PAYMENT_METHODS.join(', '), paymentMethod);
	}

	// Template "1" is the VAT invoice (Circular 78): its goods and discount lines need a tax rate.
	const vat = template.template_code === '1';
	const json = param<string>('itemsInput', 'fields') === 'json';
	const rawLines = json
		? linesFromJson(param('itemsJson', '[]'), source)
		: linesFromFields(param<IDataObject>('items', {}), vat);
	const items = validateLines(
		rawLines,
		{ requireTaxRate: vat, name: json ? jsonLineName : fieldsLineName },
		source,
	);

	const body: IDataObject = {
		template_code: template.template_code,
		invoice_series: template.invoice_series,
		issued_date: issuedDate(param('issuedDate', ''), { ...source, field: 'Issued Date' }),
		currency,
		provider_account_id: providerAccountId,
		is_draft: param<string>('createAs', 'draft') !== 'issue',
		buyer: buyerOf(param('buyerName', ''), param<IDataObject>('buyer', {}), source),
		items,
	};
	if (paymentMethod !== 'none') body.payment_method = paymentMethod;

	const additional = param<IDataObject>('additionalFields', {});
	const notes = String(additional.notes ?? '').trim();
	if (notes) body.notes = notes;
	if (additional.totalAmount !== undefined && additional.totalAmount !== '') {
		const total = Number(additional.totalAmount);
		// SePay refuses decimals here (400) and prints the value unchecked.
		if (!Number.isSafeInteger(total) || total < 0) {
			throw invalidField(
				source,
				'"Additional Fields → Total Amount Override"',
				'a whole number of 0 or more (no decimals)',
				additional.totalAmount,
			);
		}
		body.total_amount = total;
	}
	return body;
}

/** The reference code this item sends: the custom one, or one derived from the input item. */
export function referenceCodeFor(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): string {
	const source: InvoiceSource = { node: context.getNode(), itemIndex };
	if (context.getNodeParameter('referenceCodeMode', itemIndex, 'derive') === 'custom') {
		return customReferenceCode(context.getNodeParameter('referenceCode', itemIndex, ''), source);
	}
	const input = context.getInputData()[itemIndex]?.json ?? {};
	return deriveReferenceCode(input, body);
}
