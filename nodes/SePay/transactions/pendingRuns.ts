import { processShared } from '../helpers/processShared';

/**
 * Runs this process started for deliveries answered when the workflow finishes, until SePay has
 * its answer. While a run is pending its transaction is in no memory that could be saved (a crash
 * mid-run must leave it to SePay's retry or the catch-up poll), so this registry is what keeps a
 * second delivery (409) and the poll (skipped) from running it in parallel.
 *
 * SePay waits at most 30 s for an answer, so a claim lapses after the lease. If its run reached
 * the trigger's step by then but no answer went out (the connection closed first, or the run was
 * not started by a delivery, e.g. an execution n8n 2.41 resumed after a restart), the run has
 * ended or is past SePay's limit: the transaction is then remembered (onLapse).
 */

/** SePay's 30 s answer limit plus a margin. */
export const IN_FLIGHT_LEASE_MS = 35_000;

interface PendingRun {
	at: number;
	/** The keys the transaction is remembered by (id, fingerprint). */
	keys: string[];
	/** Whether the run reached the trigger's step (persistInRun.ts). */
	written: boolean;
	/** Called when it does (writes the keys where they will be saved). */
	onStep: () => void;
	/** Called when the lease ends without an answer, if the run reached the step. */
	onLapse: () => void;
}

/** What a claim does as its run goes. */
export interface RunHooks {
	onStep?: () => void;
	onLapse?: () => void;
}

/** workflow → transaction id → run; each map in claim order (oldest first). */
const pending = processShared(
	'trigger.pendingRuns.v1',
	() => new Map<string, Map<string, PendingRun>>(),
);

function runsOf(workflow: string, now: number, leaseMs: number): Map<string, PendingRun> {
	let runs = pending.get(workflow);
	if (!runs) pending.set(workflow, (runs = new Map()));
	for (const [id, run] of runs) {
		if (now - run.at < leaseMs) break;
		runs.delete(id);
		if (run.written) run.onLapse();
	}
	return runs;
}

/** Claims a run of transaction `id`; false while a run of it is pending. */
export function claimRun(
	workflow: string,
	id: string,
	keys: string[],
	now: number,
	{ onStep = () => {}, onLapse = () => {} }: RunHooks = {},
	leaseMs = IN_FLIGHT_LEASE_MS,
): boolean {
	const runs = runsOf(workflow, now, leaseMs);
	if (runs.has(id)) return false;
	runs.set(id, { at: now, keys, written: false, onStep, onLapse });
	return true;
}

/** Whether a pending run is remembered by any of `lookup` (the poll must not run it too). */
export function isPending(
	workflow: string,
	lookup: string[],
	now: number,
	leaseMs = IN_FLIGHT_LEASE_MS,
): boolean {
	for (const run of runsOf(workflow, now, leaseMs).values())
		if (lookup.some((key) => run.keys.includes(key))) return true;
	return false;
}

/**
 * The run the claim was taken for reached the trigger's step; false when this process holds no
 * claim for it, or its run reached the step already (this is another run).
 */
export function reachedStep(workflow: string, id: string): boolean {
	const run = pending.get(workflow)?.get(id);
	if (!run || run.written) return false;
	run.written = true;
	run.onStep();
	return true;
}

/**
 * Ends the claim (SePay has its answer). Returns the keys to remember when the run reached the
 * trigger's step (n8n then saved them before answering), else none: the run never started, and
 * SePay's retry must run it.
 */
export function settleRun(workflow: string, id: string): string[] {
	const run = pending.get(workflow)?.get(id);
	pending.get(workflow)?.delete(id);
	return run?.written ? run.keys : [];
}

/** Forgets every claim (tests). */
export function resetRunClaims(): void {
	pending.clear();
}
