import type { IDataObject } from 'n8n-workflow';

import { DEDUP_CAPACITY, isDuplicateDelivery, SeenIds } from '../../../../nodes/SePay/transactions/dedup';
import { resetMemoryIndexes, storedKeys } from '../../../../nodes/SePay/transactions/idMemory';

beforeEach(() => resetMemoryIndexes());

describe('SeenIds', () => {
	it('remembers ids across instances through the same static data', () => {
		const store: IDataObject = {};
		const first = new SeenIds(store, 'ids');
		expect(first.has(5)).toBe(false);
		first.add(5, '6');
		const second = new SeenIds(store, 'ids');
		expect(second.has('5')).toBe(true);
		expect(second.has(6)).toBe(true);
		expect(second.has(7)).toBe(false);
	});

	it('forgets the oldest ids first beyond its capacity', () => {
		const store: IDataObject = {};
		const seen = new SeenIds(store, 'ids', 3);
		seen.add(1, 2, 3, 4);
		expect([1, 2, 3, 4].map((id) => seen.has(id))).toEqual([false, true, true, true]);
		expect(storedKeys(store.ids)).toEqual(['2', '3', '4']);
		seen.add(3);
		expect(storedKeys(store.ids)).toEqual(['2', '3', '4']);
	});

	it('keeps 10,000 ids by default', () => {
		const store: IDataObject = {};
		const seen = new SeenIds(store, 'ids');
		seen.add(...Array.from({ length: DEDUP_CAPACITY + 5 }, (_, i) => i));
		expect(storedKeys(store.ids).length).toBe(DEDUP_CAPACITY);
		expect(seen.has(4)).toBe(false);
		expect(seen.has(5)).toBe(true);
		expect(DEDUP_CAPACITY).toBe(10_000);
	});
});

describe('isDuplicateDelivery', () => {
	it('loses no id when two deliveries save copies of the same static data (n8n saves after answering)', () => {
		const saved: IDataObject = {};
		// Both requests arrive together: each gets its own copy of what was saved so far.
		const copyA = structuredClone(saved);
		const copyB = structuredClone(saved);
		expect(isDuplicateDelivery(copyA, 'ids', 'wf1:nodeA', 101)).toBe(false);
		expect(isDuplicateDelivery(copyB, 'ids', 'wf1:nodeA', 102)).toBe(false);
		// n8n saves A, then B: B's copy must still hold A's id.
		Object.assign(saved, copyA, copyB);
		expect(storedKeys(saved.ids)).toEqual(expect.arrayContaining(['101', '102']));
	});

	it('catches a duplicate that arrives before the first delivery was saved', () => {
		const snapshot: IDataObject = {};
		expect(isDuplicateDelivery(structuredClone(snapshot), 'ids', 'wf1:nodeB', 7)).toBe(false);
		expect(isDuplicateDelivery(structuredClone(snapshot), 'ids', 'wf1:nodeB', 7)).toBe(true);
	});

	it('keeps trigger nodes apart', () => {
		expect(isDuplicateDelivery({}, 'ids', 'wf2:nodeC', 9)).toBe(false);
		expect(isDuplicateDelivery({}, 'ids', 'wf2:nodeD', 9)).toBe(false);
	});
});
