import type { IDataObject } from 'n8n-workflow';

import {
	IdMemory,
	MEMORY_CAPACITY,
	MEMORY_HORIZON_MS,
	resetMemoryIndexes,
	storedKeys,
} from '../../../../nodes/SePay/transactions/idMemory';

const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2026, 10, 29, 0, 0, 0)) {
	let t = start;
	return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** n8n gives each execution its own copy of what was saved (read back from the database). */
const reload = (store: IDataObject): IDataObject =>
	JSON.parse(JSON.stringify(store)) as IDataObject;

beforeEach(() => resetMemoryIndexes());

describe('IdMemory', () => {
	it('stores one string per time slot, not one JSON value per id', () => {
		const c = clock();
		const store: IDataObject = {};
		new IdMemory(store, 'seen', 'wf1', { now: c.now }).add('101', '102');
		const stored = store.seen as { v: number; slotMs: number; slots: Record<string, unknown> };
		expect(stored.v).toBe(1);
		expect(stored.slotMs).toBe(HOUR);
		// Decimal ids in base 36 (101 → "2t"), comma-separated: no JSON escaping needed.
		expect(Object.values(stored.slots)).toEqual(['2t,2u,']);
		expect(storedKeys(store.seen)).toEqual(['101', '102']);
	});

	it('remembers across executions (static data saved and read back) and across scopes sharing the store', () => {
		const c = clock();
		let store: IDataObject = {};
		new IdMemory(store, 'seen', 'wf1', { now: c.now }).add('7');
		store = reload(store);
		expect(new IdMemory(store, 'seen', 'wf1', { now: c.now }).has('7')).toBe(true);
		// Another caller (e.g. a polling trigger in the same workflow) reading the same store.
		expect(new IdMemory(store, 'seen', 'other-scope', { now: c.now }).has('7')).toBe(true);
		expect(new IdMemory(store, 'seen', undefined, { now: c.now }).has('7')).toBe(true);
	});

	it('keys are exact text: "007" is not "7", and separators inside a key survive', () => {
		const c = clock();
		let store: IDataObject = {};
		new IdMemory(store, 'seen', 'wf1', { now: c.now }).add(
			'7',
			'a\nb',
			'back\\slash',
			'a,b',
			'x\\;y',
			'',
			'~7',
			'9007199254740993',
			'#Fp9-_',
			'*Fp9',
			'UPPER',
			',lead',
			'\\lead',
		);
		store = reload(store);
		resetMemoryIndexes();
		const memory = new IdMemory(store, 'seen', 'wf1', { now: c.now });
		expect(memory.has('007')).toBe(false);
		expect(memory.has('a\nb')).toBe(true);
		expect(memory.has('a')).toBe(false);
		expect(memory.has('back\\slash')).toBe(true);
		expect(memory.has('a')).toBe(false);
		expect(memory.has('9007199254740992')).toBe(false);
		expect(storedKeys(store.seen)).toEqual([
			'7',
			'a\nb',
			'back\\slash',
			'a,b',
			'x\\;y',
			'',
			'~7',
			'9007199254740993',
			'#Fp9-_',
			'*Fp9',
			'UPPER',
			',lead',
			'\\lead',
		]);
	});

	it('stores a key that cannot be read as a base-36 id without a mark (each byte is copied by n8n per delivery)', () => {
		const c = clock();
		const store: IDataObject = {};
		new IdMemory(store, 'seen', 'wf1', { now: c.now }).add('19283746', '#Abc123-_', 'abc', 'ABC');
		const slots = (store.seen as { slots: Record<string, string> }).slots;
		expect(Object.values(slots)).toEqual(['bhbfm,#Abc123-_,~abc,ABC,']);
	});

	it('forgets ids older than the horizon (24 h by default) and keeps younger ones', () => {
		const c = clock();
		let store: IDataObject = {};
		new IdMemory(store, 'seen', 'wf1', { now: c.now }).add('old');
		c.advance(2 * HOUR);
		store = reload(store);
		new IdMemory(store, 'seen', 'wf1', { now: c.now }).add('young');
		c.advance(MEMORY_HORIZON_MS - HOUR);
		store = reload(store);
		const later = new IdMemory(store, 'seen', 'wf1', { now: c.now });
		expect(later.has('old')).toBe(false);
		expect(later.has('young')).toBe(true);
		later.add('new');
		expect(storedKeys(store.seen)).toEqual(['young', 'new']);
		expect(MEMORY_HORIZON_MS).toBe(24 * HOUR);
	});

	it('still knows an id after SePay’s ~33 minutes of retries', () => {
		const c = clock();
		let store: IDataObject = {};
		new IdMemory(store, 'seen', 'wf1', { now: c.now }).add('42');
		c.advance(34 * 60 * 1000);
		store = reload(store);
		resetMemoryIndexes();
		expect(new IdMemory(store, 'seen', 'wf1', { now: c.now }).has('42')).toBe(true);
	});

	it('keeps at most `capacity` ids, forgetting the oldest first (2,000 by default)', () => {
		const c = clock();
		const store: IDataObject = {};
		const memory = new IdMemory(store, 'seen', 'wf1', { now: c.now, capacity: 3 });
		memory.add('1', '2');
		c.advance(HOUR);
		memory.add('3', '4');
		expect(['1', '2', '3', '4'].map((id) => memory.has(id))).toEqual([false, true, true, true]);
		expect(storedKeys(store.seen)).toEqual(['2', '3', '4']);
		memory.add('5');
		expect(storedKeys(store.seen)).toEqual(['3', '4', '5']);
		expect(memory.size).toBe(3);
		expect(MEMORY_CAPACITY).toBe(2_000);
	});

	it('a racing save (last writer wins) loses no id: the next save writes back what this process knows', () => {
		const c = clock();
		const saved: IDataObject = {};
		const copyA = reload(saved);
		const copyB = reload(saved);
		new IdMemory(copyA, 'seen', 'wf1', { now: c.now }).add('101');
		new IdMemory(copyB, 'seen', 'wf1', { now: c.now }).add('102');
		Object.assign(saved, copyA, copyB);
		expect(storedKeys(saved.seen)).toEqual(expect.arrayContaining(['101', '102']));
	});

	it('takes in ids another process added to the stored memory', () => {
		const c = clock();
		const saved: IDataObject = {};
		new IdMemory(saved, 'seen', 'wf1', { now: c.now }).add('1');
		// "Another process": same stored data, its own index (another scope in this test).
		const elsewhere = reload(saved);
		new IdMemory(elsewhere, 'seen', 'process-B', { now: c.now }).add('2');
		const here = new IdMemory(reload(elsewhere), 'seen', 'wf1', { now: c.now });
		expect(here.has('2')).toBe(true);
		expect(here.has('1')).toBe(true);
	});

	it('two processes that each added an id since the last save end with both ids (last writer wins in n8n)', () => {
		const c = clock();
		const saved: IDataObject = {};
		new IdMemory(saved, 'seen', 'process-A', { now: c.now }).add('1');
		// B reads that save and adds 2; A adds 3 from its own index; B's save lands last.
		const atB = reload(saved);
		new IdMemory(atB, 'seen', 'process-B', { now: c.now }).add('2');
		new IdMemory(reload(saved), 'seen', 'process-A', { now: c.now }).add('3');
		// A's next delivery reads B's save: not a continuation of what A wrote.
		const next = reload(atB);
		const a = new IdMemory(next, 'seen', 'process-A', { now: c.now });
		expect(['1', '2', '3'].map((id) => a.has(id))).toEqual([true, true, true]);
		a.add('4');
		expect(storedKeys(next.seen).sort()).toEqual(['1', '2', '3', '4']);
	});

	it('reads the previous stored form (an array of ids) and rewrites it compactly', () => {
		const c = clock();
		const store: IDataObject = { seen: ['5', '6'] };
		const memory = new IdMemory(store, 'seen', 'wf1', { now: c.now });
		expect(memory.has('5')).toBe(true);
		memory.add('7');
		expect(Array.isArray(store.seen)).toBe(false);
		expect(storedKeys(store.seen)).toEqual(['5', '6', '7']);
	});

	it('ignores a malformed stored value', () => {
		const c = clock();
		const store: IDataObject = { seen: { v: 9, junk: true } };
		const memory = new IdMemory(store, 'seen', 'wf1', { now: c.now });
		expect(memory.size).toBe(0);
		memory.add('1');
		expect(storedKeys(store.seen)).toEqual(['1']);
	});

	it('with the memory full, a delivery parses nothing it already knows (index kept in the process)', () => {
		const c = clock();
		let store: IDataObject = {};
		const first = new IdMemory(store, 'seen', 'wf1', { now: c.now });
		first.add(...Array.from({ length: MEMORY_CAPACITY }, (_, i) => String(i + 1)));
		store = reload(store);
		const split = jest.spyOn(String.prototype, 'split');
		try {
			const next = new IdMemory(store, 'seen', 'wf1', { now: c.now });
			expect(next.has('1')).toBe(true);
			next.add('new-id');
			expect(split).not.toHaveBeenCalled();
		} finally {
			split.mockRestore();
		}
		expect(new IdMemory(reload(store), 'seen', 'wf1', { now: c.now }).size).toBe(MEMORY_CAPACITY);
	});

	it('writeWith puts keys in this store only; once saved and read back, they are known', () => {
		const c = clock();
		const shared: IDataObject = {};
		new IdMemory(shared, 'seen', 'wf1', { now: c.now }).add('1');
		const run: IDataObject = {};
		const memory = new IdMemory(run, 'seen', 'wf1', { now: c.now });
		memory.writeWith('2', '~x,y');
		expect(storedKeys(run.seen)).toEqual(['1', '2', '~x,y']);
		expect(memory.has('2')).toBe(false);
		// Rewritten with what the index learns meanwhile; its own keys stay.
		new IdMemory({}, 'seen', 'wf1', { now: c.now }).add('3');
		memory.writeWith('2', '~x,y');
		expect(storedKeys(run.seen)).toEqual(['1', '3', '2', '~x,y']);
		// Saved by the run, read back by a later execution.
		expect(new IdMemory(reload(run), 'seen', 'wf1', { now: c.now }).has('~x,y')).toBe(true);
	});

	it('learn makes keys known without writing the store', () => {
		const c = clock();
		const store: IDataObject = {};
		const memory = new IdMemory(store, 'seen', 'wf1', { now: c.now });
		memory.learn('5');
		expect(memory.has('5')).toBe(true);
		expect(store.seen).toBeUndefined();
		const next: IDataObject = {};
		new IdMemory(next, 'seen', 'wf1', { now: c.now }).add();
		expect(storedKeys(next.seen)).toEqual(['5']);
	});
});
