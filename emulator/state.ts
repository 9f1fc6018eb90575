/**
 * Mutable emulator state rebuilt by reset(): seeded bank data with the indexes the list endpoints
 * need (transactions sorted by id, per-account arrays, UUID map), the company, webhooks and
 * deliveries. Tokens live in TokenStore and eInvoice data in EInvoiceState.
 */
import { generateDataset } from './data';
import { EInvoiceState } from './einvoiceState';
import { DEFAULT_CODE_FORMATS, type PaymentCodeFormat } from './paycode';
import { PgState } from './pgState';
import { VaOrderState } from './vaOrders';
import type { BankAccount, Delivery, Transaction, VirtualAccount, Webhook } from './types';

export interface Company {
	id: number;
	full_name: string;
	short_name: string;
	role: string;
	status: string;
	subscription: string;
	begin_date: string;
	end_date: string;
	configurations: {
		bank_sub_account: boolean;
		paycode: boolean;
		data_storage_time: string;
		payment_code_formats: PaymentCodeFormat[];
	};
}

export interface Profile {
	id: number;
	first_name: string;
	last_name: string;
	email: string;
	phone: string;
	avatar: string;
}

/** First index in `list` (sorted by id) whose id is greater than `id`. */
export function indexAfterId(list: Transaction[], id: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid].id <= id) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** First index in `list` (sorted by time) whose time is >= `time`. */
export function indexAtTime(list: Transaction[], time: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid].time < time) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export class EmulatorState {
	accounts: BankAccount[];
	vas: VirtualAccount[];
	/** Ascending by id and by time (new transactions are never dated before the last one). */
	transactions: Transaction[];
	byAccount = new Map<number, Transaction[]>();
	byUuid = new Map<string, Transaction>();
	nextTransactionId: number;
	webhooks = new Map<number, Webhook>();
	nextWebhookId = 1;
	deliveries: Delivery[] = [];
	nextDeliveryId = 1;
	company: Company;
	profile: Profile;
	einvoice: EInvoiceState;
	paymentGateway: PgState;
	vaOrders: VaOrderState;

	constructor(
		readonly seed: number,
		transactionCount: number,
		einvoice: { quota: number },
		seedEndMs?: number,
	) {
		const data = generateDataset(seed, transactionCount, seedEndMs);
		this.accounts = data.accounts;
		this.vas = data.vas;
		this.transactions = data.transactions;
		this.nextTransactionId = data.nextTransactionId;
		for (const account of this.accounts) this.byAccount.set(account.id, []);
		for (const tx of this.transactions) this.index(tx);
		this.company = {
			id: 123,
			full_name: 'Công ty TNHH Thương mại Demo',
			short_name: 'Demo Corp',
			role: 'Admin',
			status: 'active',
			subscription: 'Premium',
			begin_date: '2026-01-01',
			end_date: '2026-12-31',
			configurations: {
				bank_sub_account: true,
				paycode: true,
				data_storage_time: '90',
				payment_code_formats: DEFAULT_CODE_FORMATS.map((f) => ({ ...f })),
			},
		};
		this.profile = {
			id: 1234,
			first_name: 'Nguyễn',
			last_name: 'Văn An',
			email: 'nguyen.van.an@example.com',
			phone: '0901234567',
			avatar: 'https://www.gravatar.com/avatar/00000000000000000000000000000000',
		};
		this.einvoice = new EInvoiceState(seed, einvoice.quota);
		this.paymentGateway = new PgState(seed);
		this.vaOrders = new VaOrderState(seed);
	}

	private index(tx: Transaction): void {
		this.byAccount.get(tx.bankAccountId)?.push(tx);
		this.byUuid.set(tx.uuid, tx);
	}

	addTransaction(tx: Transaction): void {
		this.transactions.push(tx);
		this.index(tx);
	}

	findTransaction(id: number): Transaction | undefined {
		const i = indexAfterId(this.transactions, id) - 1;
		return i >= 0 && this.transactions[i].id === id ? this.transactions[i] : undefined;
	}

	findAccount(id: number): BankAccount | undefined {
		return this.accounts.find((a) => a.id === id);
	}

	findAccountByUuid(uuid: string): BankAccount | undefined {
		return this.accounts.find((a) => a.uuid === uuid);
	}

	vasOf(accountId: number): VirtualAccount[] {
		return this.vas.filter((v) => v.bankAccountId === accountId);
	}

	findVa(id: number | null): VirtualAccount | undefined {
		return id === null ? undefined : this.vas.find((v) => v.id === id);
	}

	lastTime(): number {
		const last = this.transactions[this.transactions.length - 1];
		return last ? last.time : 0;
	}
}
