import type { IDataObject } from 'n8n-workflow';

import { IdMemory, MEMORY_CAPACITY, type MemoryOptions } from './idMemory';

/** How many transaction ids a trigger remembers (oldest forgotten first). */
export const DEDUP_CAPACITY = MEMORY_CAPACITY;

/**
 * Whether this transaction id was seen before by this trigger; if not, remembers it.
 *
 * `nodeKey` (workflow and node) lets this process keep its index between deliveries: n8n hands
 * each delivery the static data as it was when the request arrived and saves it after answering,
 * so two deliveries arriving together each save their own copy. The index catches such
 * near-simultaneous duplicates in one process, and every save writes back all it knows, so a
 * racing save drops no id. Across processes (n8n queue mode) this is not atomic: see the README's
 * "Running n8n in queue mode".
 */
export function isDuplicateDelivery(
	staticData: IDataObject,
	key: string,
	nodeKey: string | undefined,
	rawId: unknown,
	options: MemoryOptions = {},
): boolean {
	const id = String(rawId);
	const memory = new IdMemory(staticData, key, nodeKey, options);
	if (memory.has(id)) return true;
	memory.add(id);
	return false;
}
