/**
 * Benchmark (figures, never assertions): the SePay Trigger's own work per delivery in its
 * Deduplicate memory, empty vs full (DEDUP_CAPACITY ids), as n8n calls it: each delivery gets the static
 * data freshly read back (a JSON copy, prepared before timing: that copy is n8n's work), checks a
 * new id and remembers it. Prints `trigger_memory_us_per_delivery_empty` / `_full` and
 * `trigger_memory_cost_ratio_full_to_empty` (≈ 1 when the cost does not grow with the memory;
 * medians).
 *
 *   npm run bench -- memoryCost
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import { DEDUP_CAPACITY, isDuplicateDelivery } from '../nodes/SePay/transactions/dedup';
import { resetMemoryIndexes } from '../nodes/SePay/transactions/idMemory';

const DELIVERIES = 2000;
const KEY = 'seenTransactionIds';

/** Median µs per delivery over DELIVERIES deliveries (robust to GC and a busy machine), starting from `prefill` remembered ids. */
function measure(prefill: number, scope: string): number {
	let saved: IDataObject = {};
	// Fill through the memory itself (one save), then read back as n8n would.
	for (let i = 0; i < prefill; i += 1000) {
		const batch: IDataObject = JSON.parse(JSON.stringify(saved)) as IDataObject;
		for (let j = i; j < Math.min(prefill, i + 1000); j++)
			isDuplicateDelivery(batch, KEY, scope, String(j + 1));
		saved = batch;
	}
	const samples: number[] = [];
	let id = 50_000_000;
	for (let round = 0; round < DELIVERIES; round++) {
		const copy = JSON.parse(JSON.stringify(saved)) as IDataObject;
		const t = performance.now();
		if (isDuplicateDelivery(copy, KEY, scope, String(id++)))
			throw new Error('a new id was taken for a duplicate');
		samples.push(performance.now() - t);
		saved = copy;
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(samples.length / 2)] * 1000;
}

resetMemoryIndexes();
measure(0, 'warm-up');
const empty = measure(0, 'empty');
const full = measure(DEDUP_CAPACITY, 'full');
console.log(`trigger_memory_us_per_delivery_empty: ${empty.toFixed(1)}`);
console.log(`trigger_memory_us_per_delivery_full: ${full.toFixed(1)}`);
console.log(`trigger_memory_cost_ratio_full_to_empty: ${(full / empty).toFixed(2)}`);
