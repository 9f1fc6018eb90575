import type { IDataObject, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import type { FieldRef } from '../helpers/invalidInput';
import { invalidInput } from '../helpers/invalidInput';
import { sepayId } from '../helpers/inputValues';
import { sepayApiRequestAllItems } from '../transport';
import type { BankingAuthentication, SePayContext } from '../transport';

/** Bank account picker: from a searchable list, by ID (UUID or numeric, per Authentication) or by account number. */
export function bankAccountLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Bank Account',
		name: 'bankAccount',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The SePay bank account',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a bank account...',
				typeOptions: { searchListMethod: 'searchBankAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. f9e8d7c6-b5a4-3210-fedc-ba0987654321 (API Token) or 19 (OAuth2)',
				validation: [
					{
						type: 'regex',
						properties: {
							regex:
								'^\\s*([0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\s*$',
							errorMessage:
								'Not a SePay bank account ID (a UUID with API Token, a number with OAuth2)',
						},
					},
				],
			},
			{
				displayName: 'By Account Number',
				name: 'accountNumber',
				type: 'string',
				placeholder: 'e.g. 0071000888888',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[A-Za-z0-9]{3,40}\\s*$',
							errorMessage: 'Not a bank account number',
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** Every bank account whose number is `accountNumber` (API v2 narrows the list with its search). */
async function findByAccountNumber(
	context: SePayContext,
	authentication: BankingAuthentication,
	accountNumber: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const qs: IDataObject = authentication === 'apiToken' ? { q: accountNumber } : {};
	const accounts = await sepayApiRequestAllItems.call(
		context,
		authentication,
		{ method: 'GET', path: '/bank-accounts', qs, itemIndex },
		{ returnAll: true },
	);
	return accounts.filter(
		(account) => String(account.account_number ?? '').trim() === accountNumber,
	);
}

/**
 * The bank account ID the chosen API uses, from a resource locator value (or a plain string,
 * taken as an ID). By-account-number values are looked up in the account list.
 */
export async function resolveBankAccountId(
	context: SePayContext,
	authentication: BankingAuthentication,
	raw: unknown,
	ref: FieldRef,
): Promise<string> {
	const locator: INodeParameterResourceLocator =
		typeof raw === 'object' && raw !== null
			? (raw as INodeParameterResourceLocator)
			: { __rl: true, mode: 'id', value: raw as string };
	const value = String(locator.value ?? '').trim();
	if (value === '')
		throw invalidInput(
			ref,
			'a bank account: pick one from the list, or give its ID or account number',
			value,
		);
	if (locator.mode !== 'accountNumber') return sepayId(authentication, value, ref);
	if (!/^[A-Za-z0-9]{3,40}$/.test(value))
		throw invalidInput(ref, 'a bank account number (letters and digits only)', value);
	const matches = await findByAccountNumber(context, authentication, value, ref.itemIndex);
	if (matches.length === 0) {
		throw invalidInput(
			ref,
			'the number of a bank account connected to this SePay company (none has this number)',
			value,
		);
	}
	// The same number at two banks is possible; picking one silently would read the wrong account.
	if (matches.length > 1) {
		throw invalidInput(
			ref,
			'an account number that belongs to one bank account only (several have it: choose by ID or from the list)',
			value,
		);
	}
	return String(matches[0].id);
}
