import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { parseWallTime, toDateTime } from '../../helpers/dates';
import type { FieldRef } from '../../helpers/invalidInput';
import { invalidInput } from '../../helpers/invalidInput';
import { sepayId, wholeVnd } from '../../helpers/inputValues';
import type { BankingAuthentication } from '../../transport';
import { isEmpty } from '../../helpers/inputValues';
import { resolveBankAccountId } from '../bankAccountLocator';
import { FILTER_LABELS } from './filters.description';

type Amount = 'amountIn' | 'amountOut';

/**
 * The query string SePay wants for the Filters, validated before any request:
 * API v2 `transaction_date_from/to` (YYYY-MM-DD HH:mm:ss), amount ranges, UUIDs;
 * OAuth2 API `from_date/to_date` (YYYY-MM-DD), exact amounts, numeric ids.
 */
export async function transactionQuery(
	this: IExecuteFunctions,
	authentication: BankingAuthentication,
	filters: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const node = this.getNode();
	const ref = (key: string): FieldRef => ({
		node,
		itemIndex,
		field: `Filters → ${FILTER_LABELS[key] ?? key}`,
	});
	const filled = new Set(Object.keys(filters).filter((key) => !isEmpty(filters[key])));
	const v2 = authentication === 'apiToken';
	const qs: IDataObject = {};
	const text = (key: string) => String(filters[key]).trim();

	if (filled.has('bankAccount')) {
		const locator = filters.bankAccount as INodeParameterResourceLocator | string;
		const byNumber = typeof locator === 'object' && locator.mode === 'accountNumber';
		// The OAuth2 API filters by account number itself; API v2 needs the account's UUID.
		if (!v2 && byNumber) {
			const number = String(locator.value).trim();
			if (!/^[A-Za-z0-9]{3,40}$/.test(number)) {
				throw invalidInput(
					ref('bankAccount'),
					'a bank account number (letters and digits only)',
					number,
				);
			}
			qs.account_number = number;
		} else if (!isEmpty(locator)) {
			qs.bank_account_id = await resolveBankAccountId(
				this,
				authentication,
				locator,
				ref('bankAccount'),
			);
		}
	}

	const from = filled.has('dateFrom')
		? parseWallTime(filters.dateFrom, ref('dateFrom'))
		: undefined;
	const to = filled.has('dateTo') ? parseWallTime(filters.dateTo, ref('dateTo')) : undefined;
	if (from && to && toDateTime(from, false) > toDateTime(to, true)) {
		throw invalidInput(
			ref('dateTo'),
			`a time at or after Date From (${toDateTime(from, false)})`,
			filters.dateTo,
		);
	}
	if (from)
		qs[v2 ? 'transaction_date_from' : 'from_date'] = v2 ? toDateTime(from, false) : from.date;
	if (to) qs[v2 ? 'transaction_date_to' : 'to_date'] = v2 ? toDateTime(to, true) : to.date;

	const amounts: Record<string, number> = {};
	for (const key of [
		'amountIn',
		'amountInMin',
		'amountInMax',
		'amountOut',
		'amountOutMin',
		'amountOutMax',
	]) {
		if (filled.has(key)) amounts[key] = wholeVnd(filters[key], ref(key));
	}
	for (const side of ['amountIn', 'amountOut'] as Amount[]) {
		const snake = side === 'amountIn' ? 'amount_in' : 'amount_out';
		const exact = amounts[side];
		const min = amounts[`${side}Min`];
		const max = amounts[`${side}Max`];
		if (!v2) {
			if (exact !== undefined) qs[snake] = exact;
			continue;
		}
		if (exact !== undefined && (min !== undefined || max !== undefined)) {
			throw invalidInput(
				ref(side),
				`either an exact ${FILTER_LABELS[side]} or a Min/Max range, not both`,
				exact,
			);
		}
		if (min !== undefined && max !== undefined && min > max) {
			throw invalidInput(
				ref(`${side}Max`),
				`an amount at least ${FILTER_LABELS[`${side}Min`]} (${min})`,
				max,
			);
		}
		// API v2 has ranges only: an exact amount is the range [amount, amount].
		const low = exact ?? min;
		const high = exact ?? max;
		if (low !== undefined) qs[`${snake}_min`] = low;
		if (high !== undefined) qs[`${snake}_max`] = high;
	}

	if (filled.has('referenceNumber')) qs.reference_number = text('referenceNumber');
	if (filled.has('search')) qs.q = text('search');
	if (filled.has('content')) qs.transaction_content = text('content');
	if (filled.has('bankBrandName')) qs.bank_brand_name = text('bankBrandName');
	if (filled.has('transferType')) {
		const type = text('transferType');
		if (type !== 'in' && type !== 'out')
			throw invalidInput(ref('transferType'), '"in" (money received) or "out" (money sent)', type);
		qs.transfer_type = type;
	}
	if (filled.has('webhookDelivered')) {
		const delivered = text('webhookDelivered');
		if (delivered !== '0' && delivered !== '1')
			throw invalidInput(ref('webhookDelivered'), '1 (delivered) or 0 (not delivered)', delivered);
		qs.webhook_success = delivered;
	}
	if (filled.has('virtualAccountId'))
		qs.va_id = sepayId(authentication, filters.virtualAccountId, ref('virtualAccountId'));
	if (filled.has('sinceId')) qs.since_id = sepayId(authentication, filters.sinceId, ref('sinceId'));
	return qs;
}
