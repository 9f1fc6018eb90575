import type { IWebhookFunctions } from 'n8n-workflow';

import { forgetStore, refreshStores } from '../transactions/liveStores';
import { keyList, type TransactionKeys } from '../transactions/matching';
import { claimRun, IN_FLIGHT_LEASE_MS, reachedStep, settleRun } from '../transactions/pendingRuns';
import type { WorkflowMemory } from '../transactions/workflowMemory';

/**
 * "Acknowledge SePay: When the Workflow Finishes" (n8n's `lastNode` response mode): exactly one
 * finished run per transaction, across crashes. The memory may hold a transaction only once n8n
 * has recorded how its run ended.
 *
 * - Delivery: the transaction is claimed in this process only (pendingRuns.ts), in no memory that
 *   another copy's save could persist: a run cut by a crash leaves nothing behind, and SePay's
 *   retry or the catch-up poll runs it.
 * - The run reaches the trigger's step (persistInRun.ts): the keys are written into the delivery
 *   request's copy of the static data. n8n saves that copy after the run has ended and its
 *   execution is saved, just before it answers (live-webhooks: saveStaticData after the response
 *   callback; on n8n 2.41 only if changed during the run, hence written then). A retry after a
 *   crash past that save is acknowledged without running. (The run's own copy is saved earlier,
 *   before the execution: a kill between the two would leave a "crashed" execution remembered.)
 * - The answer sent: the memory learns the keys in this process, and every copy of the static
 *   data still to be saved is rewritten with them (liveStores.ts: last writer wins).
 */

/** The claim's name: the exact id, or the fingerprint when SePay sent no id. */
const claimOf = (keys: TransactionKeys): string | undefined => keys.id ?? keys.fingerprint;
const runOwner = (claim: string) => `run:${claim}`;

/** The memory learns a run's keys, and the copies still to be saved are rewritten with them. */
function promote(memory: WorkflowMemory, scope: string, keys: string[]): void {
	memory.learn(keys);
	refreshStores(scope, Date.now());
}

/**
 * Claims the delivery's run; false while a run of it is under way in this process. `memory` is
 * over the request's copy of the static data.
 */
export function claimDelivery(
	context: IWebhookFunctions,
	memory: WorkflowMemory,
	keys: TransactionKeys,
): boolean {
	const scope = memory.scope;
	const claim = claimOf(keys);
	if (scope === undefined || claim === undefined) return true;
	const now = Date.now();
	const until = now + IN_FLIGHT_LEASE_MS;
	const onStep = () => {
		memory.keepFresh(runOwner(claim), until, [keys]);
		memory.writeOwn([keys]);
	};
	const onLapse = () => promote(memory, scope, keyList(keys));
	if (!claimRun(scope, claim, keyList(keys), now, { onStep, onLapse })) return false;
	// Until the run reaches the trigger's step, the request's copy is kept fresh without the keys.
	memory.keepFresh(runOwner(claim), until);
	// 'finish': n8n handed the answer over, after the run and the saves. A connection closed
	// without it keeps the claim until the lease ends, so a slow run is not started twice.
	context.getResponseObject().once('finish', () => {
		const saved = settleRun(scope, claim);
		forgetStore(scope, runOwner(claim));
		if (saved.length > 0) promote(memory, scope, saved);
	});
	return true;
}

/**
 * In the run (`memory` over the run's own copy): has the delivery's request copy written with the
 * keys. A run this process holds no claim for (n8n 2.41 resumes executions after a restart; the
 * delivery reached another process; Deduplicate off) is claimed here, so the poll and SePay's
 * retries leave it alone, and its keys go into the run's own copy; with `skipRepeats`, such a run
 * of a transaction another run already ran or is running passes nothing on. Returns, per
 * transaction, whether to pass it on.
 */
export function persistRun(
	memory: WorkflowMemory,
	transactions: TransactionKeys[],
	skipRepeats = false,
): boolean[] {
	const scope = memory.scope;
	if (scope === undefined) return transactions.map(() => true);
	const now = Date.now();
	const unclaimed: TransactionKeys[] = [];
	const passOn = transactions.map((keys) => {
		const claim = claimOf(keys);
		if (claim === undefined || reachedStep(scope, claim)) return true;
		const onLapse = () => promote(memory, scope, keyList(keys));
		const claimed = claimRun(scope, claim, keyList(keys), now, { onLapse });
		// After claimRun: a lapsed claim of it may just have taught the memory.
		if (skipRepeats && (!claimed || memory.knows(keys))) {
			if (claimed) settleRun(scope, claim);
			return false;
		}
		if (claimed) reachedStep(scope, claim);
		unclaimed.push(keys);
		return true;
	});
	if (unclaimed.length > 0) {
		memory.writeOwn(unclaimed);
		memory.keepFresh(runOwner(claimOf(unclaimed[0]) ?? ''), now + IN_FLIGHT_LEASE_MS, unclaimed);
	}
	return passOn;
}
