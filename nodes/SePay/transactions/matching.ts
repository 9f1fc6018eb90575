import { createHash } from 'crypto';

import { datePart } from '../helpers/dates';
import type { SimpleTransaction } from './simplify';

/**
 * How one transfer is recognised whichever way SePay reports it (webhook, API v2, OAuth2 API).
 *
 * SePay's three surfaces share no id: webhooks and the OAuth2 API carry the numeric transaction id,
 * API v2 a UUID, and no mapping between them is documented. So a transaction has up to two keys:
 * - its id, as exact text (the numeric id is one key for webhook and OAuth2 alike; a UUID only
 *   ever matches API v2 itself);
 * - its bank fingerprint: bank reference + account + direction + amount + bank date (day). A bank
 *   gives every transfer its own reference, so two transfers that look alike (same amount, same
 *   memo, same day) differ there and are never taken for one.
 * Where ids are comparable they decide alone: two records of the same id space (webhook and OAuth2
 * ids are one space, API v2 UUIDs another) with different ids are two transactions, even if their
 * fingerprints agree. The fingerprint only links records across the two spaces, so each
 * fingerprint is stored tagged with its space and looked up with the other space's tag.
 * Without a reference there is no fingerprint: the transfer is then matched by id only, so a
 * webhook delivery and an API v2 listing of it cannot be recognised as one (the workflow may run
 * twice for it: a duplicate, never a loss). See README "Never miss a transaction".
 */

/** Which ids a record carries: SePay's numeric ids (webhooks, OAuth2 API) or API v2's UUIDs. */
export type IdSpace = 'sepay' | 'apiV2';

export interface TransactionKeys {
	/** Exact id text, or undefined for SePay's test id 0 / a missing id (never remembered). */
	id?: string;
	/** The bank fingerprint tagged with this record's id space (stored). */
	fingerprint?: string;
	/** The same fingerprint tagged with the other id space (looked up). */
	counterpart?: string;
}

/**
 * Starts a fingerprint key and names its id space in one character; ids never start with either
 * (numeric ids, UUIDs, `[\w-]` text). One character, not two: the memory is copied by n8n at every
 * delivery, so each stored byte costs (see idMemory.ts).
 */
const SPACE_MARK: Record<IdSpace, string> = { sepay: '#', apiV2: '*' };
/**
 * Base64url characters kept of the fingerprint's SHA-256: 54 bits. A new transfer is wrongly taken
 * for a remembered one with odds of (remembered fingerprints) / 2^54, below 1e-12 at the memory's
 * bound, while each character saved is 2 KB less for n8n to copy per delivery at that bound.
 */
const FINGERPRINT_CHARS = 9;

/** Amount as canonical text: "18067000.00", 18067000 and "18,067,000" are one amount. */
export function canonicalAmount(value: unknown): string | undefined {
	const text =
		typeof value === 'number'
			? Number.isFinite(value)
				? String(value)
				: ''
			: typeof value === 'string'
				? value
				: '';
	const plain = text.trim().replace(/,/g, '');
	const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
	if (!match) return undefined;
	const whole = match[1].replace(/^0+(?=\d)/, '');
	const fraction = (match[2] ?? '').replace(/0+$/, '');
	return fraction ? `${whole}.${fraction}` : whole;
}

/** The exact id text; SePay's dashboard test id 0 and empty ids are not ids to remember. */
export function idKey(id: unknown): string | undefined {
	if (id === null || id === undefined) return undefined;
	const text = String(id).trim();
	return text === '' || text === '0' ? undefined : text;
}

/** The fingerprint, hashed to a short fixed-size text (see FINGERPRINT_CHARS). */
export function fingerprintHash(t: SimpleTransaction): string | undefined {
	const reference = t.reference?.trim();
	const account = t.bankAccountNumber?.replace(/\s+/g, '');
	const amount = canonicalAmount(t.amount);
	const day = datePart(t.date);
	if (!reference || !account || amount === undefined || !day) return undefined;
	const text = [reference, account, t.direction, amount, day].join('\u0000');
	return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, FINGERPRINT_CHARS);
}

export function transactionKeys(t: SimpleTransaction, space: IdSpace): TransactionKeys {
	const hash = fingerprintHash(t);
	const other: IdSpace = space === 'sepay' ? 'apiV2' : 'sepay';
	return {
		id: idKey(t.id),
		fingerprint: hash === undefined ? undefined : SPACE_MARK[space] + hash,
		counterpart: hash === undefined ? undefined : SPACE_MARK[other] + hash,
	};
}

const present = (key: string | undefined): key is string => key !== undefined;

/** The keys a transaction is remembered by, id first. */
export function keyList(keys: TransactionKeys): string[] {
	return [keys.id, keys.fingerprint].filter(present);
}

/** The keys that tell it was seen: its id, or its fingerprint from the other id space. */
export function lookupList(keys: TransactionKeys): string[] {
	return [keys.id, keys.counterpart].filter(present);
}
