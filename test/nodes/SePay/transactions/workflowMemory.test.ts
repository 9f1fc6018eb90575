import type { IDataObject } from 'n8n-workflow';

import {
	IdMemory,
	resetMemoryIndexes,
	storedKeys,
} from '../../../../nodes/SePay/transactions/idMemory';
import {
	WORKFLOW_MEMORY_CAPACITY,
	WORKFLOW_MEMORY_KEY,
	WorkflowMemory,
	type MemoryContext,
} from '../../../../nodes/SePay/transactions/workflowMemory';

/** Two nodes of one workflow: each gets n8n's static data the way n8n hands it out. */
function workflow(id: string, data: IDataObject = {}, mode = 'trigger') {
	const context = (): MemoryContext => ({
		getWorkflowStaticData: (type: string) => {
			data[type] ??= {};
			return data[type] as IDataObject;
		},
		getWorkflow: () => ({ id }),
		getMode: () => mode,
	});
	return { data, context };
}

/** Keys as if of one id space (the fingerprint looked up as stored). */
const tx = (id: string, fingerprint?: string) => ({ id, fingerprint, counterpart: fingerprint });

describe('WorkflowMemory', () => {
	beforeEach(() => resetMemoryIndexes());

	it('is one memory for the workflow: what one trigger remembered, the other knows', () => {
		const wf = workflow('wf1');
		new WorkflowMemory(wf.context()).remember([tx('101', '#fp101')]);
		const other = new WorkflowMemory(wf.context());
		expect(other.knows(tx('101'))).toBe(true);
		expect(other.knows({ counterpart: '#fp101' })).toBe(true);
		expect(other.knows(tx('102', '#fp102'))).toBe(false);
		expect(storedKeys((wf.data.global as IDataObject)[WORKFLOW_MEMORY_KEY])).toEqual([
			'101',
			'#fp101',
		]);
	});

	it('sync writes what the other trigger remembered into a long-lived copy (saved whole by n8n, it must not be stale)', () => {
		const webhookCopy = workflow('wf1');
		const pollCopy = workflow('wf1');
		const poll = new WorkflowMemory(pollCopy.context());
		new WorkflowMemory(webhookCopy.context()).remember([tx('101', '#a')]);
		expect(storedKeys((pollCopy.data.global as IDataObject)[WORKFLOW_MEMORY_KEY])).toEqual([]);
		poll.sync();
		expect(storedKeys((pollCopy.data.global as IDataObject)[WORKFLOW_MEMORY_KEY])).toEqual([
			'101',
			'#a',
		]);
	});

	it('is not shared between workflows', () => {
		new WorkflowMemory(workflow('wf1').context()).remember([tx('101')]);
		expect(new WorkflowMemory(workflow('wf2').context()).knows(tx('101'))).toBe(false);
	});

	it('survives a restart: a new process reads it back from static data', () => {
		const wf = workflow('wf1');
		new WorkflowMemory(wf.context()).remember([tx('101', '#a')]);
		resetMemoryIndexes();
		const saved = workflow('wf1', structuredClone(wf.data));
		expect(new WorkflowMemory(saved.context()).knows(tx('999', '#a'))).toBe(true);
	});

	it('keeps "answered by the workflow" marks apart: the poll counts them, that trigger does not', () => {
		const wf = workflow('wf1');
		new WorkflowMemory(wf.context()).remember([tx('101', '#a')], { answerPending: true });
		const memory = new WorkflowMemory(wf.context());
		expect(memory.knows(tx('101'))).toBe(true);
		expect(memory.knows(tx('101'), { includeAnswerPending: false })).toBe(false);
		// What another trigger (the poll) ran still stops it.
		memory.remember([tx('102', '#b')]);
		expect(memory.knows(tx('102'), { includeAnswerPending: false })).toBe(true);
	});

	it('takes over a node memory from before once, and removes it from the node', () => {
		const wf = workflow('wf1');
		const node: IDataObject = {};
		new IdMemory(node, 'seenTransactionIds').add('5', '6', '0');
		const memory = new WorkflowMemory(wf.context());
		memory.adopt(node, 'seenTransactionIds');
		expect(node).toEqual({});
		expect(memory.knows(tx('5'))).toBe(true);
		expect(memory.knows(tx('6'))).toBe(true);
		// The array form of the oldest version, too.
		const older: IDataObject = { recentIds: ['uuid-1'] };
		memory.adopt(older, 'recentIds');
		expect(memory.knows(tx('uuid-1'))).toBe(true);
		expect(older).toEqual({});
	});

	it('stays bounded: 2,000 keys, room for 1,000 transactions with a fingerprint', () => {
		let now = Date.UTC(2026, 10, 23);
		const wf = workflow('wf1');
		const memory = new WorkflowMemory(wf.context(), { now: () => now });
		const all = Array.from({ length: 1_050 }, (_, i) => tx(String(i + 1), `#f${i + 1}`));
		memory.remember(all);
		const keys = storedKeys((wf.data.global as IDataObject)[WORKFLOW_MEMORY_KEY]);
		expect(keys).toHaveLength(2_000);
		expect(WORKFLOW_MEMORY_CAPACITY).toBe(2_000);
		expect(memory.knows(tx('50'))).toBe(false);
		expect(memory.knows(tx('51'))).toBe(true);
		expect(memory.knows(tx('1050'))).toBe(true);
		// A day later everything has aged out.
		now += 25 * 60 * 60_000;
		const later = new WorkflowMemory(workflow('wf1', wf.data).context(), { now: () => now });
		later.remember([tx('x')]);
		expect(later.knows(tx('1050'))).toBe(false);
	});
});
