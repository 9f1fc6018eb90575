import type { IDataObject } from 'n8n-workflow';

import { IdMemory, MEMORY_CAPACITY, storedKeys, type MemoryOptions } from './idMemory';
import { keyList, lookupList, type TransactionKeys } from './matching';

/**
 * One memory of transactions per workflow, shared by every SePay trigger in it (SePay Trigger and
 * SePay Polling Trigger alike), so each transaction starts the workflow once whichever trigger
 * sees it first. Kept in the workflow's global static data (see idMemory.ts: compact, aged out
 * after a day, bounded).
 */

/** Global static-data key of the shared memory. */
export const WORKFLOW_MEMORY_KEY = 'sepayTransactions';
/** Keys, not transactions: a transaction with a bank reference takes two (id and fingerprint). */
export const WORKFLOW_MEMORY_CAPACITY = MEMORY_CAPACITY;
/**
 * Marks keys remembered by a SePay Trigger that answers SePay only when the workflow has run
 * ("Acknowledge SePay: When the Workflow Finishes"). They keep the poll from running the transaction again, but not
 * SePay's own re-delivery: SePay re-delivers only what it was not acknowledged for.
 */
const ANSWER_PENDING = '+';

/** What n8n gives a trigger to reach static data and the workflow. */
export interface MemoryContext {
	getWorkflowStaticData(type: string): IDataObject;
	getWorkflow(): { id?: string };
	getMode(): string;
}

export class WorkflowMemory {
	private readonly memory: IdMemory;

	constructor(context: MemoryContext, options: MemoryOptions = {}) {
		// Manual runs keep no static data in n8n: no shared index for them either.
		const scope =
			context.getMode() === 'manual' ? undefined : `workflow:${context.getWorkflow().id ?? ''}`;
		this.memory = new IdMemory(
			context.getWorkflowStaticData('global'),
			WORKFLOW_MEMORY_KEY,
			scope,
			{
				capacity: WORKFLOW_MEMORY_CAPACITY,
				...options,
			},
		);
	}

	/**
	 * Takes over a node's own memory from before (ids only: the ids then are the id keys now), so
	 * a saved workflow does not run its recent transactions again; the node's copy is removed.
	 */
	adopt(nodeStore: IDataObject, key: string): void {
		if (!(key in nodeStore)) return;
		const ids = storedKeys(nodeStore[key]).filter((id) => id !== '' && id !== '0');
		delete nodeStore[key];
		if (ids.length > 0) this.memory.add(...ids);
	}

	/**
	 * Whether any key of the transaction is known. `includeAnswerPending: false` leaves out what a SePay
	 * Trigger answering after the run remembered (it must run SePay's re-delivery of those again).
	 */
	knows(keys: TransactionKeys, { includeAnswerPending = true } = {}): boolean {
		return lookupList(keys).some(
			(key) =>
				this.memory.has(key) || (includeAnswerPending && this.memory.has(ANSWER_PENDING + key)),
		);
	}

	/**
	 * Writes everything this process knows back into this trigger's static data. A long-lived copy
	 * (the polling trigger's, loaded at activation) must not be saved stale: n8n writes a
	 * workflow's static data as a whole, so a stale save would drop what the webhook remembered.
	 */
	sync(): void {
		this.memory.add();
	}

	/** Remembers transactions (one write back to static data). */
	remember(transactions: TransactionKeys[], { answerPending = false } = {}): void {
		const prefix = answerPending ? ANSWER_PENDING : '';
		const keys = transactions.flatMap((keys) => keyList(keys).map((key) => prefix + key));
		if (keys.length > 0) this.memory.add(...keys);
	}
}
