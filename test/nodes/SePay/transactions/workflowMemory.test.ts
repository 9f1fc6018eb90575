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
import {
	claimRun,
	resetRunClaims,
	settleRun,
} from '../../../../nodes/SePay/transactions/pendingRuns';

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
	beforeEach(() => {
		resetMemoryIndexes();
		resetRunClaims();
	});

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

	it("writes a run's own keys into its copy only: the shared index and other copies do not get them", () => {
		const wf = workflow('wf1');
		new WorkflowMemory(wf.context()).remember([tx('100', '#z')]);
		const run = workflow('wf1');
		new WorkflowMemory(run.context()).writeOwn([tx('101', '#a')]);
		expect(storedKeys((run.data.global as IDataObject)[WORKFLOW_MEMORY_KEY])).toEqual([
			'100',
			'#z',
			'101',
			'#a',
		]);
		const other = workflow('wf1');
		const memory = new WorkflowMemory(other.context());
		expect(memory.knows(tx('101'))).toBe(false);
		memory.sync();
		expect(storedKeys((other.data.global as IDataObject)[WORKFLOW_MEMORY_KEY])).toEqual([
			'100',
			'#z',
		]);
		// Learnt (the run's answer went out): known, and in what is written from then on.
		memory.learn(['101', '#a']);
		expect(new WorkflowMemory(workflow('wf1').context()).knows(tx('101'))).toBe(true);
	});

	it('counts a run under way in this process (the poll must not run it too) until it is settled', () => {
		const memory = new WorkflowMemory(workflow('wf1').context());
		expect(claimRun('workflow:wf1', '101', ['101', '#a'], Date.now())).toBe(true);
		expect(memory.underWay(tx('101'))).toBe(true);
		expect(memory.underWay({ id: 'uuid-101', counterpart: '#a' })).toBe(true);
		expect(memory.knows(tx('101'))).toBe(false);
		expect(new WorkflowMemory(workflow('wf2').context()).underWay(tx('101'))).toBe(false);
		settleRun('workflow:wf1', '101');
		expect(memory.underWay(tx('101'))).toBe(false);
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
