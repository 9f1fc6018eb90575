import type { IDataObject } from 'n8n-workflow';

import { resetMemoryIndexes, storedKeys } from '../../../../nodes/SePay/transactions/idMemory';
import {
	WORKFLOW_MEMORY_KEY,
	WorkflowMemory,
} from '../../../../nodes/SePay/transactions/workflowMemory';

/**
 * n8n's copies of one workflow's static data: each webhook request gets a fresh copy from the
 * database and saves it whole when it answers; the polling trigger keeps one copy from activation
 * and saves it whole when it emits or stops. The shared memory must survive every interleaving.
 */
const ctx = (data: IDataObject) => ({
	getWorkflowStaticData: (type: string) => (data[type] ??= {}) as IDataObject,
	getWorkflow: () => ({ id: 'wf-copies' }),
	getMode: () => 'trigger',
});
const keysIn = (data: IDataObject) =>
	storedKeys((data.global as IDataObject | undefined)?.[WORKFLOW_MEMORY_KEY]);

describe('WorkflowMemory across n8n static-data copies', () => {
	beforeEach(() => resetMemoryIndexes());

	it('a webhook save, then a poll save of its older copy, then a restart: nothing remembered is lost', () => {
		let db: IDataObject = {};
		const pollCopy = structuredClone(db);
		new WorkflowMemory(ctx(pollCopy)).sync();
		for (const id of ['101', '102']) {
			const request = structuredClone(db);
			new WorkflowMemory(ctx(request)).remember(
				[{ id, fingerprint: `#s${id}`, counterpart: `#v${id}` }],
				{ answerPending: true },
			);
			db = structuredClone(request);
		}
		const poll = new WorkflowMemory(ctx(pollCopy));
		expect(poll.knows({ id: 'uuid-101', counterpart: '#s101' })).toBe(true);
		poll.sync();
		db = structuredClone(pollCopy);
		expect(keysIn(db)).toEqual(expect.arrayContaining(['+101', '+#s101', '+102', '+#s102']));
		resetMemoryIndexes();
		const afterRestart = new WorkflowMemory(ctx(structuredClone(db)));
		expect(afterRestart.knows({ id: 'uuid-101', counterpart: '#s101' })).toBe(true);
	});
});
