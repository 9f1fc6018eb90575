import type { IDataObject } from 'n8n-workflow';

import { processShared } from '../helpers/processShared';

/**
 * A compact, age-bounded memory of string keys (transaction ids) kept in n8n static data, shared
 * by whatever nodes name the same store and key (nothing here is specific to one node).
 *
 * Stored form: `{ v: 1, slotMs, slots: { "<slot number>": "key,key,…" } }`: one string per time
 * slot (a 24th of the horizon), so n8n copies a few flat strings, not thousands of JSON values.
 * Keys older than the horizon go out with their slot; beyond `capacity` the oldest go first.
 *
 * This code's per-delivery work does not grow with the number remembered: lookups use an index kept in this
 * process, and a stored slot is re-read only when another process changed it (its length or its
 * ends differ from what this process last wrote), and then only the part it added.
 */

/** SePay retries for about 33 minutes (Fibonacci minutes); a day is a wide margin. */
export const MEMORY_HORIZON_MS = 24 * 60 * 60 * 1000;
/**
 * At most this many keys per memory (oldest forgotten first). Set by n8n's cost, not ours: n8n
 * copies the whole static data into every execution it saves and rewrites it on every change, so
 * each stored byte slows every delivery (~17 KB here keeps the trigger level with n8n's own
 * Webhook node; 10,000 transactions, ~170 KB, halved its throughput: `npm run bench`).
 */
export const MEMORY_CAPACITY = 2_000;
const SLOTS_PER_HORIZON = 24;
/** Between keys: a comma needs no escaping in JSON (a newline costs two bytes there). */
const SEP = ',';
/** Characters of each end compared to tell "this slot is still what I wrote". */
const EDGE = 48;

export interface MemoryOptions {
	horizonMs?: number;
	capacity?: number;
	/** The clock (ms since epoch); injected by tests. */
	now?: () => number;
}

interface StoredMemory {
	v: 1;
	slotMs: number;
	slots: Record<string, string>;
}

/**
 * One slot as this process last saw or wrote it. Length and both ends are kept apart so telling
 * "unchanged" never reads `text` itself: after an append `text` is a concatenation, which reading
 * would flatten (a copy of the whole slot).
 */
interface Slot {
	text: string;
	length: number;
	head: string;
	tail: string;
}

/** What this process knows of one memory: its slots and an index of the keys. */
interface Index {
	slotMs: number;
	slots: Map<number, Slot>;
	/** key → slot it was added in. */
	keys: Map<string, number>;
}

/** A slot record for a flat string (as parsed from static data, or newly built). */
function slotOf(text: string): Slot {
	return { text, length: text.length, head: text.slice(0, EDGE), tail: text.slice(-EDGE) };
}

/** The stored text is what this process knows, judged by length and both ends (O(1)). */
function unchanged(slot: Slot, stored: string): boolean {
	return (
		stored.length === slot.length &&
		stored.slice(0, EDGE) === slot.head &&
		stored.slice(-EDGE) === slot.tail
	);
}

/** The process-wide indexes (see processShared: n8n may load this file more than once). */
const indexes = processShared('idMemory.indexes.v1', () => new Map<string, Index>());

/** A decimal id as SePay sends it (no sign, no leading zero, exact as a JS number). */
const CANONICAL_DECIMAL = /^[1-9][0-9]{0,14}$/;
/** Marks a key stored as its own text when it could otherwise be read as a base-36 id. */
const LITERAL = '~';
/** Keys that could be read as a base-36 id (or the mark, or nothing) need the mark. */
const NEEDS_MARK = /^(?:[0-9a-z~]|$)/;

/**
 * A key as stored: a canonical decimal id in base 36 ("19283746" → "bhbfm": fewer bytes for n8n
 * to read and write at every delivery), any other text as itself with `\` and the separator
 * escaped, after `~` only when its first character could start a base-36 id ("#…" fingerprints
 * need no mark). Decoding gives back the exact text ("007" stays "007").
 */
function encode(key: string): string {
	if (CANONICAL_DECIMAL.test(key)) return Number(key).toString(36);
	const escaped = key.replace(/\\/g, '\\\\').replace(/,/g, '\\;');
	return NEEDS_MARK.test(escaped) ? LITERAL + escaped : escaped;
}

function decode(text: string): string {
	if (/^[0-9a-z]/.test(text)) return String(parseInt(text, 36));
	const literal = text.startsWith(LITERAL) ? text.slice(LITERAL.length) : text;
	return literal.includes('\\')
		? literal.replace(/\\(\\|;)/g, (_, c: string) => (c === ';' ? ',' : '\\'))
		: literal;
}

function keysOf(text: string): string[] {
	if (!text) return [];
	const parts = text.split(SEP);
	if (parts[parts.length - 1] === '') parts.pop();
	return parts.map(decode);
}

/** Every key a stored memory holds, oldest slot first (readers outside the node: tests, tools). */
export function storedKeys(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	const stored = readStored(value);
	if (!stored) return [];
	return Object.keys(stored.slots)
		.sort((a, b) => Number(a) - Number(b))
		.flatMap((slot) => keysOf(String(stored.slots[slot])));
}

function readStored(value: unknown): StoredMemory | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const m = value as Partial<StoredMemory>;
	if (m.v !== 1 || typeof m.slotMs !== 'number' || !m.slots || typeof m.slots !== 'object')
		return undefined;
	return m as StoredMemory;
}

export class IdMemory {
	private readonly horizonMs: number;

	private readonly capacity: number;

	private readonly now: () => number;

	private readonly index: Index;

	private readonly stored: StoredMemory;

	/**
	 * @param store static data object (e.g. `getWorkflowStaticData('node')` or `('global')`)
	 * @param key property of `store` holding the memory
	 * @param scope identifies the memory in this process (e.g. the workflow id); callers passing
	 *   the same store, key and scope share one index. Without it nothing is cached between calls
	 *   (each call reads the stored memory in full).
	 */
	constructor(
		private readonly store: IDataObject,
		private readonly key: string,
		scope?: string,
		options: MemoryOptions = {},
	) {
		this.horizonMs = options.horizonMs ?? MEMORY_HORIZON_MS;
		this.capacity = options.capacity ?? MEMORY_CAPACITY;
		this.now = options.now ?? Date.now;
		const slotMs = Math.max(1, Math.floor(this.horizonMs / SLOTS_PER_HORIZON));
		const indexKey = `${scope}\u0000${key}\u0000${slotMs}`;
		let index = scope === undefined ? undefined : indexes.get(indexKey);
		if (!index) {
			index = { slotMs, slots: new Map(), keys: new Map() };
			if (scope !== undefined) indexes.set(indexKey, index);
		}
		this.index = index;
		this.stored = this.load(store[key]);
	}

	/** Reconciles the index with what is stored (another process may have written since). */
	private load(value: unknown): StoredMemory {
		const stored = readStored(value);
		const fromOlderForm = Array.isArray(value) ? value.map(String) : [];
		const result: StoredMemory = { v: 1, slotMs: this.index.slotMs, slots: {} };
		if (stored && stored.slotMs === this.index.slotMs) {
			for (const [name, text] of Object.entries(stored.slots)) {
				const slot = Number(name);
				if (!Number.isInteger(slot) || typeof text !== 'string') continue;
				this.absorb(slot, text);
			}
		}
		// Ids kept by the previous version (an array of ids) count as seen now.
		if (fromOlderForm.length) for (const id of fromOlderForm) this.remember(id);
		this.expire();
		for (const [slot, record] of this.index.slots) result.slots[slot] = record.text;
		return result;
	}

	/** Brings one stored slot into the index; only text this process does not know is parsed. */
	private absorb(slot: number, text: string): void {
		const known = this.index.slots.get(slot);
		if (known && unchanged(known, text)) {
			// Same content: keep the flat copy n8n just parsed (cheap to slice and compare).
			known.text = text;
			return;
		}
		const knownText = known?.text ?? '';
		const added =
			known && text.length > known.length && text.startsWith(knownText)
				? text.slice(knownText.length)
				: text;
		const extra: string[] = [];
		for (const id of keysOf(added)) {
			if (this.index.keys.has(id)) continue;
			this.index.keys.set(id, slot);
			extra.push(encode(id) + SEP);
		}
		this.index.slots.set(slot, slotOf(knownText + extra.join('')));
	}

	private currentSlot(): number {
		return Math.floor(this.now() / this.index.slotMs);
	}

	private remember(id: string): void {
		if (this.index.keys.has(id)) return;
		// Make room first, while the oldest slot is still the flat text read from static data.
		if (this.index.keys.size >= this.capacity)
			this.forgetOldest(this.index.keys.size - this.capacity + 1);
		const slot = this.currentSlot();
		const piece = encode(id) + SEP;
		const record = this.index.slots.get(slot);
		this.index.keys.set(id, slot);
		if (!record) {
			this.index.slots.set(slot, slotOf(piece));
			return;
		}
		record.text += piece;
		record.length += piece.length;
		record.tail = (record.tail + piece).slice(-EDGE);
		if (record.head.length < EDGE) record.head = (record.head + piece).slice(0, EDGE);
	}

	private oldestSlot(): number | undefined {
		let oldest: number | undefined;
		for (const slot of this.index.slots.keys())
			if (oldest === undefined || slot < oldest) oldest = slot;
		return oldest;
	}

	/** Forgets `count` keys from the front of the oldest slots. */
	private forgetOldest(count: number): void {
		let left = count;
		while (left > 0) {
			const slot = this.oldestSlot();
			if (slot === undefined) return;
			const record = this.index.slots.get(slot)!;
			const text = record.text;
			let cut = 0;
			while (left > 0 && cut < text.length) {
				const end = text.indexOf(SEP, cut);
				const next = end < 0 ? text.length : end + SEP.length;
				const id = decode(text.slice(cut, end < 0 ? text.length : end));
				if (this.index.keys.get(id) === slot) {
					this.index.keys.delete(id);
					left--;
				}
				cut = next;
			}
			if (cut >= text.length) this.index.slots.delete(slot);
			else this.index.slots.set(slot, slotOf(text.slice(cut)));
		}
	}

	/** Drops slots past the horizon (whole slots), then keys beyond the capacity. */
	private expire(): void {
		const oldest = this.currentSlot() - Math.ceil(this.horizonMs / this.index.slotMs);
		for (const [slot, record] of [...this.index.slots]) {
			if (slot > oldest) continue;
			for (const id of keysOf(record.text))
				if (this.index.keys.get(id) === slot) this.index.keys.delete(id);
			this.index.slots.delete(slot);
		}
		if (this.index.keys.size > this.capacity)
			this.forgetOldest(this.index.keys.size - this.capacity);
	}

	has(id: string): boolean {
		return this.index.keys.has(id);
	}

	get size(): number {
		return this.index.keys.size;
	}

	/** Remembers keys and writes the memory back to static data (one assignment, one change). */
	add(...ids: string[]): void {
		for (const id of ids) this.remember(id);
		this.expire();
		this.stored.slots = {};
		for (const [slot, record] of this.index.slots) this.stored.slots[slot] = record.text;
		this.store[this.key] = this.stored;
	}

	/**
	 * Writes what this process knows plus `ids` into this store only: the index does not learn
	 * `ids`, so no other copy of the static data carries them (a run's own keys, saved by that
	 * run's own save; see trigger/persistInRun.ts). Call again to rewrite the store.
	 */
	writeWith(...ids: string[]): void {
		this.expire();
		const slots: Record<string, string> = {};
		for (const [slot, record] of this.index.slots) slots[slot] = record.text;
		const own = ids
			.filter((id) => !this.index.keys.has(id))
			.map((id) => encode(id) + SEP)
			.join('');
		if (own) {
			const slot = this.currentSlot();
			slots[slot] = (slots[slot] ?? '') + own;
		}
		this.stored.slots = slots;
		this.store[this.key] = this.stored;
	}

	/** Learns keys in this process without writing this store (they were saved elsewhere). */
	learn(...ids: string[]): void {
		for (const id of ids) this.remember(id);
		this.expire();
	}
}

/** Forgets every in-process index (tests). */
export function resetMemoryIndexes(): void {
	indexes.clear();
}
