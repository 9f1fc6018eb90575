import { EventEmitter } from 'node:events';

import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { claimDelivery, persistRun } from '../../../../nodes/SePay/trigger/answerAfterRun';
import { resetLiveStores } from '../../../../nodes/SePay/transactions/liveStores';
import {
	claimRun,
	IN_FLIGHT_LEASE_MS,
	resetRunClaims,
} from '../../../../nodes/SePay/transactions/pendingRuns';

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
	beforeEach(() => {
		resetMemoryIndexes();
		resetRunClaims();
		resetLiveStores();
	});

	it('a webhook save, then a poll save of its older copy, then a restart: nothing remembered is lost', () => {
		let db: IDataObject = {};
		const pollCopy = structuredClone(db);
		new WorkflowMemory(ctx(pollCopy)).sync();
		for (const id of ['101', '102']) {
			const request = structuredClone(db);
			new WorkflowMemory(ctx(request)).remember([
				{ id, fingerprint: `#s${id}`, counterpart: `#v${id}` },
			]);
			db = structuredClone(request);
		}
		const poll = new WorkflowMemory(ctx(pollCopy));
		expect(poll.knows({ id: 'uuid-101', counterpart: '#s101' })).toBe(true);
		poll.sync();
		db = structuredClone(pollCopy);
		expect(keysIn(db)).toEqual(expect.arrayContaining(['101', '#s101', '102', '#s102']));
		resetMemoryIndexes();
		const afterRestart = new WorkflowMemory(ctx(structuredClone(db)));
		expect(afterRestart.knows({ id: 'uuid-101', counterpart: '#s101' })).toBe(true);
	});

	// "When the Workflow Finishes": the delivery's request has a copy, which n8n saves after the run
	// and its execution record, just before answering; the run reads its own copy from the database
	// (WorkflowRunner loadStaticData) and saves it when it ends, before the execution record.
	const keysOf = (id: string) => ({ id, fingerprint: `#s${id}`, counterpart: `#v${id}` });
	const delivery = (response: EventEmitter) =>
		({ getResponseObject: () => response }) as unknown as IWebhookFunctions;

	it("runs that overlap: the later save keeps the earlier run's transaction, and no save carries a run still under way", () => {
		let db: IDataObject = {};
		const pollCopy = structuredClone(db);
		const poll = new WorkflowMemory(ctx(pollCopy));
		poll.sync();
		poll.keepFresh('poll:Poll', Infinity);
		const answers = [new EventEmitter(), new EventEmitter()];
		const requests = ['101', '102'].map((id, i) => {
			const request = structuredClone(db);
			expect(
				claimDelivery(delivery(answers[i]), new WorkflowMemory(ctx(request)), keysOf(id)),
			).toBe(true);
			expect(keysIn(request)).toEqual([]);
			const run = structuredClone(db);
			persistRun(new WorkflowMemory(ctx(run)), [keysOf(id)]);
			// Not in the run's own copy: n8n saves it before the execution record.
			expect(keysIn(run)).toEqual([]);
			return request;
		});
		// Each request's copy holds its own transaction only.
		expect(keysIn(requests[1])).toEqual(['102', '#s102']);
		db = structuredClone(requests[0]);
		answers[0].emit('finish');
		// The answer went out: the copies still to be saved carry 101 too.
		expect(keysIn(requests[1])).toEqual(expect.arrayContaining(['101', '102']));
		expect(keysIn(pollCopy)).toEqual(['101', '#s101']);
		db = structuredClone(requests[1]);
		answers[1].emit('finish');
		expect(keysIn(db)).toEqual(expect.arrayContaining(['101', '#s101', '102', '#s102']));
		expect(keysIn(pollCopy)).toEqual(expect.arrayContaining(['101', '102']));
	});

	it('a run this process did not claim (n8n 2.41 resumes executions after a restart): under way for the poll, its own copy carries it, remembered when its lease ends', () => {
		const run: IDataObject = {};
		const now = Date.now();
		persistRun(new WorkflowMemory(ctx(run)), [keysOf('105')]);
		expect(keysIn(run)).toEqual(['105', '#s105']);
		const at = (t: number) => new WorkflowMemory(ctx({}), { now: () => t });
		expect(at(now).underWay(keysOf('105'))).toBe(true);
		expect(at(now).knows(keysOf('105'))).toBe(false);
		const later = at(now + IN_FLIGHT_LEASE_MS + 1000);
		expect(later.underWay(keysOf('105'))).toBe(false);
		expect(later.knows(keysOf('105'))).toBe(true);
	});

	it('an answer without the run (it never reached its step) teaches nothing: the retry runs it', () => {
		const answer = new EventEmitter();
		const memory = new WorkflowMemory(ctx({}));
		expect(claimDelivery(delivery(answer), memory, keysOf('103'))).toBe(true);
		expect(claimDelivery(delivery(new EventEmitter()), memory, keysOf('103'))).toBe(false);
		answer.emit('finish');
		expect(memory.knows(keysOf('103'))).toBe(false);
		expect(claimDelivery(delivery(new EventEmitter()), memory, keysOf('103'))).toBe(true);
	});

	it('a connection closed before the answer keeps the claim until the lease ends, then remembers a run that reached its step', () => {
		const answer = new EventEmitter();
		const memory = new WorkflowMemory(ctx({}));
		const now = Date.now();
		expect(claimDelivery(delivery(answer), memory, keysOf('104'))).toBe(true);
		persistRun(new WorkflowMemory(ctx({})), [keysOf('104')]);
		answer.emit('close');
		expect(claimRun('workflow:wf-copies', '104', [], now + IN_FLIGHT_LEASE_MS - 1)).toBe(false);
		expect(memory.knows(keysOf('104'))).toBe(false);
		expect(claimRun('workflow:wf-copies', '104', [], now + IN_FLIGHT_LEASE_MS + 1000)).toBe(true);
		expect(memory.knows(keysOf('104'))).toBe(true);
	});
});
