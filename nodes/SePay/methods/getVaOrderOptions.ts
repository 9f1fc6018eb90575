import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
	INodePropertyOptions,
} from 'n8n-workflow';

import { sepayApiRequestAllItems } from '../transport';

/** The chosen bank account's UUID (only a picked or typed ID; an account number needs a lookup the list skips). */
function bankAccountOf(context: ILoadOptionsFunctions): string | undefined {
	const raw = context.getCurrentNodeParameter('bankAccount') as
		| INodeParameterResourceLocator
		| string
		| undefined;
	const value =
		typeof raw === 'object' && raw !== null ? String(raw.value ?? '') : String(raw ?? '');
	return /^[0-9a-f-]{36}$/i.test(value.trim()) ? value.trim() : undefined;
}

async function list(context: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	const bankAccountId = bankAccountOf(context);
	if (!bankAccountId) return [];
	return await sepayApiRequestAllItems.call(
		context,
		'apiToken',
		{ method: 'GET', path: `/bank-accounts/${bankAccountId}${path}` },
		{ returnAll: true },
	);
}

/** Sacombank VA prefixes of the chosen account (active ones). */
export async function getVaPrefixes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list(this, '/prefixes'))
		.filter((prefix) => String(prefix.status ?? 'active') === 'active')
		.map((prefix) => ({
			name: `${String(prefix.va_prefix)}${prefix.store_name ? ` (${String(prefix.store_name)})` : ''}`,
			value: String(prefix.va_prefix),
		}));
}

/** Vietcombank terminals of the chosen account: the value is the TID SePay wants, not the xid. */
export async function getVaTerminals(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list(this, '/terminals')).map((terminal) => ({
		name: `${String(terminal.name ?? terminal.tid)} (${String(terminal.tid)})`,
		value: String(terminal.tid),
	}));
}
