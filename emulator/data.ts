/**
 * Seeded demo data: the company's bank accounts (different Vietnamese banks), their virtual
 * accounts and N transactions in ascending id and date order, with running balances.
 */
import {
	ACCOUNT_SPECS,
	BANKS,
	IN_AMOUNTS,
	MEMOS_OUT,
	MEMOS_WITH_CODE,
	MEMOS_WITHOUT_CODE,
	OUT_AMOUNTS,
	PAYER_NAMES,
} from './catalog';
import { deriveUuid, Prng } from './prng';
import { formatVnTime } from './time';
import type { BankAccount, Transaction, VirtualAccount } from './types';

export interface Dataset {
	accounts: BankAccount[];
	vas: VirtualAccount[];
	transactions: Transaction[];
	nextTransactionId: number;
}

/** Seeded history ends here by default (2026-11-20 10:00 Vietnam time), so tests never depend on the clock. */
export const SEED_END_MS = Date.UTC(2026, 10, 20, 3, 0, 0);
const FIRST_TRANSACTION_ID = 100001;

function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function makeVaNumber(prng: Prng, bankCode: string): string {
	if (bankCode === 'BIDV') return `96247${prng.digits(5)}`;
	return `${bankCode}${prng.digits(4)}${prng.alnum(3)}${prng.digits(3)}`;
}

/** `d` is the transaction's Vietnam time, `YYYY-MM-DD HH:mm:ss`. */
export function makeReferenceNumber(prng: Prng, bankCode: string, d: string): string {
	const ddmmyy = d.slice(8, 10) + d.slice(5, 7) + d.slice(2, 4);
	if (bankCode === 'VCB') return `${prng.digits(6)}.${ddmmyy}.${prng.digits(6)}`;
	if (bankCode === 'MB') return `FT${d.slice(2, 4)}${prng.digits(3)}${prng.alnum(7)}`;
	return `${bankCode}${ddmmyy}${prng.digits(7)}`;
}

function makeCode(prng: Prng): string {
	return prng.chance(0.7) ? `DH${prng.digits(6)}` : `HD${prng.alnum(prng.int(4, 6))}`;
}

export function generateDataset(seed: number, count: number, endMs: number = SEED_END_MS): Dataset {
	const prng = new Prng(seed);
	const createdBase = Date.UTC(2024, 2, 1, 2, 0, 0);
	const accounts: BankAccount[] = ACCOUNT_SPECS.map((spec, i) => ({
		id: 19 + i * 4,
		uuid: deriveUuid(seed, 'bank-account', i),
		bank: BANKS[spec.bank],
		accountNumber:
			(spec.bank === 0 ? '0071' : '') + prng.digits(spec.digits - (spec.bank === 0 ? 4 : 0)),
		holderName: spec.holder,
		label: spec.label,
		accumulated: prng.int(50_000, 2_000_000) * 1000,
		lastTransaction: null,
		active: true,
		createdAt: formatVnTime(createdBase + i * 86_400_000 * 17 + prng.int(0, 86_399) * 1000),
	}));
	const vas: VirtualAccount[] = [];
	for (const account of accounts) {
		const names = ['Website', 'Quầy 1', 'Chi nhánh Hà Nội'];
		const n = account.bank.code === 'BIDV' ? 3 : 2;
		for (let j = 0; j < n; j++) {
			const created = formatVnTime(createdBase + 86_400_000 * (30 + vas.length * 5));
			vas.push({
				id: 101 + vas.length,
				uuid: deriveUuid(seed, 'va', vas.length),
				bankAccountId: account.id,
				va: makeVaNumber(prng, account.bank.code),
				subHolderName: account.holderName,
				label: names[j],
				active: j < 2,
				official: account.bank.code === 'BIDV',
				static: true,
				createdAt: created,
				updatedAt: created,
			});
		}
	}

	// Timestamps: exponential gaps with a mean chosen so the history spans about 3 h per row
	// (at least 2 days, at most a year), ending at endMs.
	const spanMs = Math.min(365 * 86_400_000, Math.max(2 * 86_400_000, count * 3 * 3_600_000));
	const gaps = new Float64Array(count);
	let total = 0;
	for (let i = 0; i < count; i++) {
		gaps[i] = -Math.log(1 - prng.next());
		total += gaps[i];
	}
	const scale = total > 0 ? spanMs / total : 0;
	let t = endMs - spanMs;
	let id = FIRST_TRANSACTION_ID;
	const transactions: Transaction[] = new Array(count);
	const vasByAccount = new Map<number, VirtualAccount[]>();
	for (const va of vas) {
		const list = vasByAccount.get(va.bankAccountId) ?? [];
		list.push(va);
		vasByAccount.set(va.bankAccountId, list);
	}
	for (let i = 0; i < count; i++) {
		t += gaps[i] * scale;
		const time = Math.floor(t / 1000) * 1000;
		const account = accounts[prng.int(0, accounts.length - 1)];
		let transferType: 'in' | 'out' = prng.chance(0.8) ? 'in' : 'out';
		let amount = transferType === 'in' ? prng.pick(IN_AMOUNTS) : prng.pick(OUT_AMOUNTS);
		// Keep balances realistic: large balances get swept to another account now and then.
		const sweep = account.accumulated > 2_000_000_000 && prng.chance(0.1);
		if (sweep) {
			transferType = 'out';
			amount = prng.int(200, 1200) * 1_000_000;
		}
		if (transferType === 'out' && amount > account.accumulated) transferType = 'in';
		if (transferType === 'in' && prng.chance(0.3)) amount = prng.int(10, 20_000) * 1000;
		const date = formatVnTime(time);
		const values = {
			name: prng.pick(PAYER_NAMES),
			month: date.slice(5, 7),
			quarter: String(Math.floor((+date.slice(5, 7) - 1) / 3) + 1),
			n: prng.digits(5),
			code: '',
		};
		let code: string | null = null;
		let content: string;
		if (sweep) {
			content = `Chuyen tien ve tai khoan cong ty ${values.n}`;
		} else if (transferType === 'out') {
			content = fill(prng.pick(MEMOS_OUT), values);
		} else if (prng.chance(0.7)) {
			code = makeCode(prng);
			content = fill(prng.pick(MEMOS_WITH_CODE), { ...values, code });
		} else {
			content = fill(prng.pick(MEMOS_WITHOUT_CODE), values);
		}
		let va: VirtualAccount | null = null;
		if (transferType === 'in' && prng.chance(0.2))
			va = prng.pick(vasByAccount.get(account.id) ?? []) ?? null;
		account.accumulated += transferType === 'in' ? amount : -amount;
		account.lastTransaction = date;
		const referenceNumber = makeReferenceNumber(prng, account.bank.code, date);
		transactions[i] = {
			id,
			uuid: deriveUuid(seed, 'transaction', id),
			bankAccountId: account.id,
			transferType,
			amount,
			accumulated: account.accumulated,
			content,
			description: `${account.bank.code} ${referenceNumber} ${content}`,
			code,
			referenceNumber,
			subAccount: va ? va.va : null,
			vaId: va ? va.id : null,
			transactionDate: date,
			time,
			webhookSuccess: prng.chance(0.95) ? 1 : 0,
		};
		id += prng.int(1, 3);
	}
	return { accounts, vas, transactions, nextTransactionId: id };
}
