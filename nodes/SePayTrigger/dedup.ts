import type { IDataObject } from 'n8n-workflow';

/** How many transaction ids a trigger remembers (oldest forgotten first). */
export const DEDUP_CAPACITY = 10_000;

/**
 * A bounded first-in-first-out memory of transaction ids, kept in the node's static data so it
 * survives between deliveries (n8n saves static data after each production webhook call and
 * each poll that emits).
 */
export class SeenIds {
	private readonly ids: string[];

	private readonly set: Set<string>;

	constructor(
		private readonly store: IDataObject,
		private readonly key: string,
		private readonly capacity = DEDUP_CAPACITY,
	) {
		const stored = store[key];
		this.ids = Array.isArray(stored) ? stored.map(String) : [];
		this.set = new Set(this.ids);
	}

	has(id: unknown): boolean {
		return this.set.has(String(id));
	}

	/** Remembers ids; writes back to static data once (one save, one change flag). */
	add(...ids: unknown[]): void {
		for (const raw of ids) {
			const id = String(raw);
			if (this.set.has(id)) continue;
			this.set.add(id);
			this.ids.push(id);
		}
		if (this.ids.length > this.capacity) {
			for (const old of this.ids.splice(0, this.ids.length - this.capacity)) this.set.delete(old);
		}
		this.store[this.key] = [...this.ids];
	}
}
