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

/**
 * Ids this n8n process accepted recently, per trigger node. n8n hands each delivery the static
 * data as it was when the request arrived and saves it after answering, so two deliveries arriving
 * together each save their own copy and the last save drops the other's id. This memory catches
 * such near-simultaneous duplicates (SePay sends one per webhook when several point at one URL),
 * and every save writes its ids back, so static data loses none.
 */
const recentByNode = new Map<string, { order: string[]; set: Set<string> }>();

function recentOf(nodeKey: string) {
	let recent = recentByNode.get(nodeKey);
	if (!recent) {
		recent = { order: [], set: new Set() };
		recentByNode.set(nodeKey, recent);
	}
	return recent;
}

/**
 * Whether this transaction id was seen before by this trigger node; if not, remembers it (in
 * static data and, given a `nodeKey` identifying the node, in this process).
 */
export function isDuplicateDelivery(
	staticData: IDataObject,
	key: string,
	nodeKey: string | undefined,
	rawId: unknown,
): boolean {
	const id = String(rawId);
	const seen = new SeenIds(staticData, key);
	if (nodeKey === undefined) {
		if (seen.has(id)) return true;
		seen.add(id);
		return false;
	}
	const recent = recentOf(nodeKey);
	if (seen.has(id) || recent.set.has(id)) return true;
	recent.set.add(id);
	recent.order.push(id);
	if (recent.order.length > DEDUP_CAPACITY) recent.set.delete(recent.order.shift() as string);
	seen.add(...recent.order.filter((known) => !seen.has(known)));
	return false;
}
