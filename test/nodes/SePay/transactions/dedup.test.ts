import type { IDataObject } from 'n8n-workflow';

import { isDuplicateDelivery } from '../../../../nodes/SePay/transactions/dedup';
import { resetMemoryIndexes, storedKeys } from '../../../../nodes/SePay/transactions/idMemory';

beforeEach(() => resetMemoryIndexes());

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
