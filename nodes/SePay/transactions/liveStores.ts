import { processShared } from '../helpers/processShared';

/**
 * Static-data copies this process handed out for a workflow that n8n has not saved for the last
 * time yet: a run's copy (saved when the run ends) and the polling trigger's (saved when a poll
 * emits and when the workflow stops). n8n saves a workflow's static data whole, last writer wins,
 * so when the memory learns a transaction outside such a copy (a run answered), each copy is
 * rewritten with it: a copy saved later must not drop it.
 */

interface LiveStore {
	/** Time after which the copy is forgotten (a run's lease); Infinity for the poll's copy. */
	until: number;
	/** Rewrites the copy with what the memory knows now (plus the copy's own keys). */
	refresh: () => void;
}

/** workflow → owner (e.g. "run:<id>", "poll:<node>") → copy. */
const live = processShared(
	'transactions.liveStores.v1',
	() => new Map<string, Map<string, LiveStore>>(),
);

/** Keeps `refresh` for `owner`'s copy until `until` (replaces what the owner kept before). */
export function keepFresh(
	workflow: string,
	owner: string,
	refresh: () => void,
	until: number,
): void {
	let stores = live.get(workflow);
	if (!stores) live.set(workflow, (stores = new Map()));
	stores.delete(owner);
	stores.set(owner, { until, refresh });
}

/** The owner's copy has been saved for the last time (or is gone). */
export function forgetStore(workflow: string, owner: string): void {
	live.get(workflow)?.delete(owner);
}

/** Rewrites every live copy of the workflow; forgets those past their time. */
export function refreshStores(workflow: string, now: number): void {
	const stores = live.get(workflow);
	if (!stores) return;
	for (const [owner, store] of stores) {
		if (store.until <= now) stores.delete(owner);
		else store.refresh();
	}
}

/** Forgets every copy (tests). */
export function resetLiveStores(): void {
	live.clear();
}
