import { processShared } from '../helpers/processShared';

/**
 * Deliveries whose run is under way in this process, for a SePay Trigger that answers SePay only
 * when the workflow has run. SePay waits at most 30 s for an answer, so a second delivery of the
 * same transaction within that time is a parallel duplicate (e.g. two SePay webhooks to one URL),
 * not a retry: it is told to come back later instead of running the transaction twice at once.
 */

/** SePay's 30 s answer limit plus a margin. */
export const IN_FLIGHT_LEASE_MS = 35_000;

/** Process-wide, like the memory's index (see processShared). */
const started = processShared('trigger.inFlight.v1', () => new Map<string, number>());

/** Claims `key` for a run starting `now`; false while another run of it started within the lease. */
export function claimRun(key: string, now: number, leaseMs = IN_FLIGHT_LEASE_MS): boolean {
	for (const [other, at] of started) {
		if (now - at < leaseMs) break;
		started.delete(other);
	}
	const at = started.get(key);
	if (at !== undefined && now - at < leaseMs) return false;
	started.delete(key);
	started.set(key, now);
	return true;
}

/** Forgets every claim (tests). */
export function resetRunClaims(): void {
	started.clear();
}
