/**
 * Body checks for POST /v1/invoices/create (sepay-einvoice-api.md §4) and the totals SePay
 * computes when `total_amount` is omitted (lines after discounts, plus tax, rounded).
 */
import type { Buyer, EInvoiceState, Invoice, InvoiceItem, ProviderAccount } from './einvoiceState';
import { parseVnTime } from './time';

export const TAX_RATES = [-2, -1, 0, 5, 8, 10];
const CURRENCIES = ['VND', 'USD', 'CAD'];
const PAYMENT_METHODS = ['TM', 'CK', 'TM/CK', 'KHAC'];
const BUYER_FIELDS = [
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

export type InvoiceCheck =
	| { ok: true; invoice: Invoice; isDraft: boolean; account: ProviderAccount }
	| { ok: false; status: number; code: string; message: string; errors?: Record<string, string> };

function isNumber(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

function maxTwoDecimals(v: number): boolean {
	return Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
}

export function checkCreateBody(
	input: Record<string, unknown>,
	einvoice: EInvoiceState,
): InvoiceCheck {
	const errors: Record<string, string> = {};
	const required = (k: string) => {
		if (input[k] === undefined || input[k] === null || input[k] === '')
			errors[k] = `Trường ${k} là bắt buộc`;
		return !(k in errors);
	};
	const str = (k: string) => {
		if (required(k) && typeof input[k] !== 'string') errors[k] = `Trường ${k} phải là chuỗi`;
	};
	str('template_code');
	str('invoice_series');
	str('provider_account_id');
	if (required('issued_date')) {
		const v = input.issued_date;
		if (
			typeof v !== 'string' ||
			!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v) ||
			parseVnTime(v) === null
		) {
			errors.issued_date = 'Trường issued_date phải có định dạng YYYY-MM-DD HH:mm:ss';
		} else if ((parseVnTime(v) as number) > Date.now() + 5 * 60_000) {
			errors.issued_date = 'Ngày hóa đơn không được lớn hơn ngày hiện tại';
		}
	}
	if (required('currency') && !CURRENCIES.includes(input.currency as string))
		errors.currency = `Trường currency phải là một trong: ${CURRENCIES.join(', ')}`;
	if (
		input.reference_code !== undefined &&
		input.reference_code !== null &&
		(typeof input.reference_code !== 'string' ||
			!input.reference_code.trim() ||
			input.reference_code.length > 100)
	) {
		errors.reference_code = 'Trường reference_code phải là chuỗi (tối đa 100 ký tự)';
	}
	if (
		input.payment_method !== undefined &&
		input.payment_method !== null &&
		!PAYMENT_METHODS.includes(input.payment_method as string)
	) {
		errors.payment_method = `Trường payment_method phải là một trong: ${PAYMENT_METHODS.join(', ')}`;
	}
	if (input.is_draft !== undefined && typeof input.is_draft !== 'boolean')
		errors.is_draft = 'Trường is_draft phải là boolean';
	if (input.notes !== undefined && input.notes !== null && typeof input.notes !== 'string')
		errors.notes = 'Trường notes phải là chuỗi';
	if (
		input.total_amount !== undefined &&
		input.total_amount !== null &&
		!(
			isNumber(input.total_amount) &&
			Number.isInteger(input.total_amount) &&
			input.total_amount >= 0
		)
	) {
		errors.total_amount = 'Trường total_amount phải là số nguyên';
	}

	const buyer: Buyer = {};
	if (required('buyer')) {
		const b = input.buyer;
		if (!b || typeof b !== 'object' || Array.isArray(b))
			errors.buyer = 'Trường buyer phải là object';
		else {
			for (const k of BUYER_FIELDS) {
				const v = (b as Record<string, unknown>)[k];
				if (v === undefined || v === null) continue;
				if (typeof v !== 'string') errors[`buyer.${k}`] = `Trường buyer.${k} phải là chuỗi`;
				else (buyer as Record<string, string>)[k] = v;
			}
			if (buyer.type !== undefined && !['personal', 'company'].includes(buyer.type))
				errors['buyer.type'] = 'Trường buyer.type phải là personal hoặc company';
			if (buyer.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(buyer.email))
				errors['buyer.email'] = 'Trường buyer.email không đúng định dạng email';
		}
	}

	const isVat = input.template_code === '1';
	const items: InvoiceItem[] = [];
	if (required('items')) {
		if (!Array.isArray(input.items) || input.items.length === 0)
			errors.items = 'Trường items phải là mảng có ít nhất một dòng';
		else {
			input.items.forEach((raw, i) => {
				const at = (k: string) => `items.${i}.${k}`;
				const it = (raw ?? {}) as Record<string, unknown>;
				if (typeof raw !== 'object' || raw === null) {
					errors[`items.${i}`] = 'Mỗi dòng phải là object';
					return;
				}
				if (!(Number.isInteger(it.line_number) && (it.line_number as number) >= 1))
					errors[at('line_number')] = `Trường ${at('line_number')} là bắt buộc (số nguyên ≥ 1)`;
				if (![1, 2, 3, 4].includes(it.line_type as number))
					errors[at('line_type')] = `Trường ${at('line_type')} phải là 1, 2, 3 hoặc 4`;
				if (typeof it.item_name !== 'string' || !it.item_name.trim())
					errors[at('item_name')] = `Trường ${at('item_name')} là bắt buộc`;
				for (const k of [
					'quantity',
					'unit_price',
					'discount_tax',
					'discount_amount',
					'before_discount_and_tax_amount',
				]) {
					if (it[k] !== undefined && it[k] !== null && !(isNumber(it[k]) && (it[k] as number) >= 0))
						errors[at(k)] = `Trường ${at(k)} phải là số không âm`;
				}
				if (isNumber(it.quantity) && !maxTwoDecimals(it.quantity))
					errors[at('quantity')] = `Trường ${at('quantity')} chỉ được có tối đa 2 chữ số thập phân`;
				if (isNumber(it.discount_tax) && it.discount_tax > 100)
					errors[at('discount_tax')] = `Trường ${at('discount_tax')} là phần trăm (0-100)`;
				if (
					it.tax_rate !== undefined &&
					it.tax_rate !== null &&
					!TAX_RATES.includes(it.tax_rate as number)
				) {
					errors[at('tax_rate')] =
						`Trường ${at('tax_rate')} phải là một trong: ${TAX_RATES.join(', ')}`;
				} else if (
					isVat &&
					it.line_type !== 4 &&
					(it.tax_rate === undefined || it.tax_rate === null)
				) {
					errors[at('tax_rate')] = `Trường ${at('tax_rate')} là bắt buộc với hóa đơn GTGT`;
				}
				if (it.line_type === 3 && !isNumber(it.before_discount_and_tax_amount)) {
					errors[at('before_discount_and_tax_amount')] =
						`Trường ${at('before_discount_and_tax_amount')} là bắt buộc với dòng chiết khấu thương mại`;
				}
				for (const k of ['item_code', 'unit'])
					if (it[k] !== undefined && it[k] !== null && typeof it[k] !== 'string')
						errors[at(k)] = `Trường ${at(k)} phải là chuỗi`;
				items.push(lineOf(it));
			});
		}
	}
	if (Object.keys(errors).length) {
		const [field, message] = Object.entries(errors)[0];
		return {
			ok: false,
			status: 400,
			code: 'BAD_REQUEST',
			message: message || `Trường ${field} không hợp lệ`,
			errors,
		};
	}

	const account = einvoice.findAccount(input.provider_account_id as string);
	if (!account)
		return {
			ok: false,
			status: 404,
			code: 'NOT_FOUND',
			message: 'Không tìm thấy tài khoản nhà cung cấp hóa đơn',
		};
	if (!account.active)
		return {
			ok: false,
			status: 400,
			code: 'BAD_REQUEST',
			message: 'Tài khoản nhà cung cấp hóa đơn không hoạt động',
		};
	if (
		!account.templates.some(
			(t) => t.template_code === input.template_code && t.invoice_series === input.invoice_series,
		)
	) {
		return {
			ok: false,
			status: 400,
			code: 'BAD_REQUEST',
			message: 'Mẫu số hoặc ký hiệu hóa đơn không hợp lệ',
			errors: { invoice_series: 'Không thuộc tài khoản nhà cung cấp' },
		};
	}

	const totalBefore = Math.round(items.reduce((s, i) => s + i.total_amount, 0));
	const tax = Math.round(items.reduce((s, i) => s + i.tax_amount, 0));
	const reference = (input.reference_code as string | undefined) ?? einvoice.newUuid();
	const invoice: Invoice = {
		reference_code: reference,
		provider_account_id: account.id,
		template_code: input.template_code as string,
		invoice_series: input.invoice_series as string,
		invoice_number: '0',
		issued_date: input.issued_date as string,
		currency: input.currency as string,
		payment_method: (input.payment_method as string | undefined) ?? null,
		status: 'draft',
		document_type: 1,
		provider_status: '1',
		tax_authority_code: null,
		buyer,
		items,
		notes: (input.notes as string | undefined) ?? null,
		source: 'api',
		total_before_tax: totalBefore,
		tax_amount: tax,
		// Sent total is used as-is, without cross-checking (docs §4.5).
		total_amount: (input.total_amount as number | undefined) ?? totalBefore + tax,
		tracking_codes: [],
		createdSeq: 0,
	};
	return { ok: true, invoice, isDraft: input.is_draft === true, account };
}

function lineOf(it: Record<string, unknown>): InvoiceItem {
	const num = (k: string) => (isNumber(it[k]) ? (it[k] as number) : 0);
	const lineType = it.line_type as number;
	const rate = isNumber(it.tax_rate) ? (it.tax_rate as number) : null;
	let amount: number;
	if (lineType === 4) amount = 0;
	else if (lineType === 3) amount = -num('before_discount_and_tax_amount');
	else {
		amount = (isNumber(it.quantity) ? num('quantity') : 1) * num('unit_price');
		if (isNumber(it.discount_amount)) amount -= num('discount_amount');
		else if (isNumber(it.discount_tax)) amount -= (amount * num('discount_tax')) / 100;
	}
	const taxAmount = rate !== null && rate > 0 ? (amount * rate) / 100 : 0;
	return {
		line_number: it.line_number as number,
		line_type: lineType,
		item_code: (it.item_code as string | undefined) ?? null,
		item_name: it.item_name as string,
		unit: (it.unit as string | undefined) ?? null,
		quantity: isNumber(it.quantity) ? (it.quantity as number) : lineType === 4 ? 0 : 1,
		unit_price: num('unit_price'),
		total_amount: amount,
		tax_rate: rate,
		tax_amount: taxAmount,
		...(isNumber(it.discount_tax) ? { discount_tax: it.discount_tax as number } : {}),
		...(isNumber(it.discount_amount) ? { discount_amount: it.discount_amount as number } : {}),
		...(isNumber(it.before_discount_and_tax_amount)
			? { before_discount_and_tax_amount: it.before_discount_and_tax_amount as number }
			: {}),
	};
}

/** 422 cases (docs §6): registration not approved, or invoice dated before the approval. */
export function approvalProblem(
	account: ProviderAccount,
	issuedDate: string,
): { code: string; message: string } | null {
	if (!account.tax_authority_approved_date) {
		return {
			code: 'REGISTRATION_NOT_TAX_APPROVED',
			message:
				'Tài khoản chưa đăng ký hoặc chưa được cơ quan thuế chấp thuận sử dụng hóa đơn điện tử',
		};
	}
	if (issuedDate.slice(0, 10) < account.tax_authority_approved_date) {
		return {
			code: 'INVOICE_DATE_BEFORE_TAX_APPROVAL',
			message: `Ngày hóa đơn trước ngày cơ quan thuế chấp thuận (${account.tax_authority_approved_date})`,
		};
	}
	return null;
}
