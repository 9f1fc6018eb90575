/**
 * Wire shapes. API v1 (OAuth2) uses numeric ids and money as JSON numbers (SePay prints them as
 * decimals like 18067000.00); API v2 uses UUIDs and integer money; the webhook payload is §6.2.
 */
import type { EmulatorState } from './state';
import { formatVnIso } from './time';
import type { BankAccount, Transaction, VirtualAccount, Webhook, WebhookPayload } from './types';

const LOGO_BASE = 'https://my.sepay.vn/assets/images/banklogo';

export function v1BankAccount(a: BankAccount): Record<string, unknown> {
	return {
		id: a.id,
		label: a.label,
		account_holder_name: a.holderName,
		account_number: a.accountNumber,
		accumulated: a.accumulated,
		active: a.active,
		created_at: a.createdAt,
		bank: {
			short_name: a.bank.short_name,
			full_name: a.bank.full_name,
			code: a.bank.code,
			bin: a.bank.bin,
			icon_url: `${LOGO_BASE}/${a.bank.slug}-icon.png`,
			logo_url: `${LOGO_BASE}/${a.bank.slug}.png`,
		},
	};
}

/** Sub-account shape: id, account_number, label seen in clients; the rest is UNCONFIRMED. */
export function v1SubAccount(v: VirtualAccount): Record<string, unknown> {
	return {
		id: v.id,
		bank_account_id: v.bankAccountId,
		account_number: v.va,
		account_holder_name: v.subHolderName,
		label: v.label,
		active: v.active,
		created_at: v.createdAt,
	};
}

export function v1Transaction(t: Transaction, state: EmulatorState): Record<string, unknown> {
	const account = state.findAccount(t.bankAccountId);
	return {
		id: t.id,
		bank_account_id: t.bankAccountId,
		bank_brand_name: account?.bank.short_name ?? '',
		account_number: account?.accountNumber ?? '',
		transaction_date: t.transactionDate,
		amount_out: t.transferType === 'out' ? t.amount : 0,
		amount_in: t.transferType === 'in' ? t.amount : 0,
		accumulated: t.accumulated,
		transaction_content: t.content,
		reference_number: t.referenceNumber,
		code: t.code,
		sub_account: t.subAccount,
	};
}

export function v2BankAccount(a: BankAccount): Record<string, unknown> {
	return {
		id: a.uuid,
		bank_short_name: a.bank.short_name,
		bank_full_name: a.bank.full_name,
		bank_code: a.bank.code,
		bank_bin: a.bank.bin,
		account_number: a.accountNumber,
		account_holder_name: a.holderName,
		label: a.label,
		accumulated: a.accumulated,
		last_transaction: a.lastTransaction,
		active: a.active ? 1 : 0,
		created_at: a.createdAt,
	};
}

export function v2Va(v: VirtualAccount, state: EmulatorState): Record<string, unknown> {
	return {
		id: v.uuid,
		va: v.va,
		sub_holder_name: v.subHolderName,
		label: v.label,
		active: v.active ? 1 : 0,
		official: v.official ? 1 : 0,
		static: v.static ? 1 : 0,
		bank_account_id: state.findAccount(v.bankAccountId)?.uuid ?? null,
		created_at: v.createdAt,
		updated_at: v.updatedAt,
	};
}

export function v2Transaction(
	t: Transaction,
	state: EmulatorState,
	iso = false,
): Record<string, unknown> {
	const account = state.findAccount(t.bankAccountId);
	const va = state.findVa(t.vaId);
	return {
		id: t.uuid,
		transaction_date: iso ? formatVnIso(t.time) : t.transactionDate,
		account_number: account?.accountNumber ?? '',
		va: t.subAccount,
		transfer_type: t.transferType,
		amount_in: t.transferType === 'in' ? t.amount : 0,
		amount_out: t.transferType === 'out' ? t.amount : 0,
		accumulated: t.accumulated,
		transaction_content: t.content,
		reference_number: t.referenceNumber,
		code: t.code,
		bank_brand_name: account?.bank.short_name ?? '',
		bank_account_id: account?.uuid ?? null,
		va_id: va?.uuid ?? null,
		webhook_success: t.webhookSuccess,
	};
}

export function webhookPayload(t: Transaction, state: EmulatorState): WebhookPayload {
	const account = state.findAccount(t.bankAccountId);
	return {
		id: t.id,
		gateway: account?.bank.short_name ?? '',
		transactionDate: t.transactionDate,
		accountNumber: account?.accountNumber ?? '',
		subAccount: t.subAccount,
		code: t.code,
		content: t.content,
		transferType: t.transferType,
		description: t.description,
		transferAmount: t.amount,
		accumulated: t.accumulated,
		referenceCode: t.referenceNumber,
	};
}

function mask(secret: string | null): string | null {
	if (!secret) return secret;
	return `${'*'.repeat(Math.max(0, secret.length - 4))}${secret.slice(-4)}`;
}

/**
 * Webhook as GET returns it. UNCONFIRMED whether the API masks secrets; SePay's UI shows them once
 * and then only the last 4 characters, so GET masks `api_key` / `secret_key` the same way.
 */
export function v1Webhook(w: Webhook, reveal = false): Record<string, unknown> {
	return {
		id: w.id,
		bank_account_id: w.bank_account_id,
		bank_mode: w.bank_mode,
		bank_account_ids: w.bank_account_ids,
		name: w.name,
		event_type: w.event_type,
		authen_type: w.authen_type,
		api_key: reveal ? w.api_key : mask(w.api_key),
		secret_key: reveal ? w.secret_key : mask(w.secret_key),
		webhook_url: w.webhook_url,
		request_content_type: w.request_content_type,
		is_verify_payment: w.is_verify_payment,
		skip_if_no_code: w.skip_if_no_code,
		prefix_filters: w.prefix_filters,
		retry_conditions: w.retry_conditions,
		only_va: w.only_va,
		active: w.active,
		created_at: w.created_at,
	};
}
