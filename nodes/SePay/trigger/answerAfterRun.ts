import type { IWebhookFunctions } from 'n8n-workflow';

import { forgetStore, refreshStores } from '../transactions/liveStores';
import { keyList, type TransactionKeys } from '../transactions/matching';
import { claimRun, IN_FLIGHT_LEASE_MS, markWritten, settleRun } from '../transactions/pendingRuns';
import type { WorkflowMemory } from '../transactions/workflowMemory';

/**
 * "Acknowledge SePay: When the Workflow Finishes" (n8n's `lastNode` response mode): exactly one
 * finished run per transaction, across crashes.
 *
 * - Delivery: the transaction is claimed in this process only (pendingRuns.ts), in no memory that
 *   another copy's save could persist: a run cut by a crash leaves nothing behind, and SePay's
 *   retry or the catch-up poll runs it.
 * - The run's first step (persistInRun.ts) writes its keys into the run's own copy of the static
 *   data, which n8n saves when the run ends, failed or not, before it answers SePay. A retry after
 *   a crash between that save and the answer finds them and is acknowledged without running.
 * - The answer sent: the memory learns the keys in this process, and every copy of the static
 *   data still to be saved is rewritten with them (liveStores.ts: last writer wins).
 */

/** The claim's name: the exact id, or the fingerprint when SePay sent no id. */
const claimOf = (keys: TransactionKeys): string | undefined => keys.id ?? keys.fingerprint;
const runOwner = (claim: string) => `run:${claim}`;

/** Claims the delivery's run; false while a run of it is under way in this process. */
export function claimDelivery(
	context: IWebhookFunctions,
	memory: WorkflowMemory,
	keys: TransactionKeys,
): boolean {
	const scope = memory.scope;
	const claim = claimOf(keys);
	if (scope === undefined || claim === undefined) return true;
	if (!claimRun(scope, claim, keyList(keys), Date.now())) return false;
	// 'finish': n8n handed the answer over, after the run and its save. A connection closed
	// without it keeps the claim until the lease ends, so a slow run is not started twice.
	context.getResponseObject().once('finish', () => {
		const saved = settleRun(scope, claim);
		forgetStore(scope, runOwner(claim));
		if (saved.length === 0) return;
		memory.learn(saved);
		refreshStores(scope, Date.now());
	});
	return true;
}

/** In the run: writes its keys into the static data this run saves, and keeps that copy fresh. */
export function persistRun(memory: WorkflowMemory, transactions: TransactionKeys[]): void {
	const scope = memory.scope;
	if (scope === undefined) return;
	memory.writeOwn(transactions);
	for (const keys of transactions) {
		const claim = claimOf(keys);
		if (claim === undefined) continue;
		markWritten(scope, claim);
		memory.keepFresh(runOwner(claim), Date.now() + IN_FLIGHT_LEASE_MS, transactions);
	}
}
