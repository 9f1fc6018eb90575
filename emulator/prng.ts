/**
 * Seeded randomness: a small PRNG (mulberry32) for generated data and pure hash-based derivations
 * (UUIDs, demo secrets) so the same seed always gives the same ids and credentials.
 */
import { createHash } from 'node:crypto';

export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
	}

	/** Float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	digits(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += String(this.int(0, 9));
		return out;
	}

	alnum(length: number): string {
		const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
		let out = '';
		for (let i = 0; i < length; i++) out += chars[this.int(0, chars.length - 1)];
		return out;
	}
}

function fmix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

/** Deterministic UUID (v4 layout) for (seed, kind, n); cheap enough for 100k rows. */
export function deriveUuid(seed: number, kind: string, n: number): string {
	const base = fmix(hashString(kind) ^ Math.imul(seed + 1, 0x27d4eb2d));
	let hex = '';
	for (let i = 0; i < 4; i++)
		hex += (fmix(base ^ fmix(n + Math.imul(i + 1, 0x9e3779b1))) + 0x100000000)
			.toString(16)
			.slice(1);
	// version 4, RFC 4122 variant
	const variant = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Deterministic hex string for demo secrets (fixed per seed). */
export function deriveHex(seed: number, label: string, length: number): string {
	let out = '';
	let round = 0;
	while (out.length < length) {
		out += createHash('sha256').update(`sepay-emulator:${seed}:${label}:${round++}`).digest('hex');
	}
	return out.slice(0, length);
}
