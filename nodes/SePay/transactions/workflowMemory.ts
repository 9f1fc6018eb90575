import type { IDataObject } from 'n8n-workflow';

import { IdMemory, MEMORY_CAPACITY, storedKeys, type MemoryOptions } from './idMemory';
import { keepFresh } from './liveStores';
import { keyList, lookupList, type TransactionKeys } from './matching';
import { isPending } from './pendingRuns';

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

/** What n8n gives a trigger to reach static data and the workflow. */
export interface MemoryContext {
	getWorkflowStaticData(type: string): IDataObject;
	getWorkflow(): { id?: string };
	getMode(): string;
}

export class WorkflowMemory {
	private readonly memory: IdMemory;

	/** The workflow's memory in this process; undefined for manual runs. */
	readonly scope: string | undefined;

	private readonly now: () => number;

	constructor(context: MemoryContext, options: MemoryOptions = {}) {
		// Manual runs keep no static data in n8n: no shared index for them either.
		const scope =
			context.getMode() === 'manual' ? undefined : `workflow:${context.getWorkflow().id ?? ''}`;
		this.scope = scope;
		this.now = options.now ?? Date.now;
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

	/** Whether any key of the transaction is known (a run of it ended, or another trigger ran it). */
	knows(keys: TransactionKeys): boolean {
		return lookupList(keys).some((key) => this.memory.has(key));
	}

	/** Whether a run of it is under way in this process (a SePay Trigger answering after the run). */
	underWay(keys: TransactionKeys): boolean {
		return this.scope !== undefined && isPending(this.scope, lookupList(keys), this.now());
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
	remember(transactions: TransactionKeys[]): void {
		const keys = transactions.flatMap(keyList);
		if (keys.length > 0) this.memory.add(...keys);
	}

	/**
	 * Writes the transactions into this copy of the static data only (with all this process
	 * knows), not into the shared index: a run's own keys, saved by that run's save alone.
	 */
	writeOwn(transactions: TransactionKeys[]): void {
		this.memory.writeWith(...transactions.flatMap(keyList));
	}

	/** Learns keys already saved (by the run that wrote them) without writing this copy. */
	learn(keys: string[]): void {
		if (keys.length > 0) this.memory.learn(...keys);
	}

	/**
	 * Has this copy rewritten whenever the memory learns keys outside it, until `until` (see
	 * liveStores.ts), together with its own `transactions`.
	 */
	keepFresh(owner: string, until: number, transactions: TransactionKeys[] = []): void {
		if (this.scope === undefined) return;
		keepFresh(this.scope, owner, () => this.writeOwn(transactions), until);
	}
}
