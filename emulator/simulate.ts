/**
 * A simulated bank transaction (SePay Test mode's "Simulate transaction"): appended with the next
 * numeric id, dated now (never before the last transaction, so arrays stay sorted), balance
 * updated, payment code recognised from the memo unless given, then delivered to the webhooks.
 */
import { makeReferenceNumber } from './data';
import { deriveUuid, Prng } from './prng';
import { recognizeCode } from './paycode';
import type { EmulatorState } from './state';
import { formatVnTime } from './time';
import type { SimulateTransactionInput, Transaction } from './types';

export class InputError extends Error {}

export function buildTransaction(
	state: EmulatorState,
	input: SimulateTransactionInput,
): Transaction {
	const account =
		input.accountNumber !== undefined
			? state.accounts.find((a) => a.accountNumber === String(input.accountNumber))
			: input.bankAccountId !== undefined
				? state.findAccount(Number(input.bankAccountId))
				: state.accounts[0];
	if (!account)
		throw new InputError(
			'Unknown bank account (give bankAccountId or accountNumber of a seeded account)',
		);
	const amount = Number(input.amount);
	if (!Number.isInteger(amount) || amount <= 0)
		throw new InputError('amount must be a positive integer (VND)');
	const transferType = input.transferType ?? 'in';
	if (transferType !== 'in' && transferType !== 'out')
		throw new InputError('transferType must be "in" or "out"');
	if (transferType === 'out' && amount > account.accumulated)
		throw new InputError('Insufficient balance for an outgoing transaction');
	let vaId: number | null = null;
	let subAccount: string | null = null;
	if (input.subAccount) {
		const va = state.vasOf(account.id).find((v) => v.va === input.subAccount);
		if (!va)
			throw new InputError(`subAccount ${input.subAccount} is not a VA of account ${account.id}`);
		vaId = va.id;
		subAccount = va.va;
	}
	const id = state.nextTransactionId++;
	const prng = new Prng(state.seed * 1_000_003 + id);
	let content = input.content ?? (input.code ? `${input.code} chuyen tien` : 'Chuyen tien');
	if (typeof content !== 'string') content = String(content);
	const formats = state.company.configurations.payment_code_formats;
	const code =
		input.code !== undefined
			? input.code
			: state.company.configurations.paycode
				? recognizeCode(content, formats)
				: null;
	const time = Math.max(Math.floor(Date.now() / 1000) * 1000, state.lastTime());
	account.accumulated += transferType === 'in' ? amount : -amount;
	account.lastTransaction = formatVnTime(time);
	const referenceNumber =
		input.referenceNumber ?? makeReferenceNumber(prng, account.bank.code, formatVnTime(time));
	const tx: Transaction = {
		id,
		uuid: deriveUuid(state.seed, 'transaction', id),
		bankAccountId: account.id,
		transferType,
		amount,
		accumulated: account.accumulated,
		content,
		description: input.description ?? `${account.bank.code} ${referenceNumber} ${content}`,
		code: code ?? null,
		referenceNumber,
		subAccount,
		vaId,
		transactionDate: formatVnTime(time),
		time,
		webhookSuccess: 0,
	};
	state.addTransaction(tx);
	return tx;
}
