/**
 * Reading n8n run data (IRun from `execute`, or an execution from the public API): output items
 * of a node and the error, without caring which of the two it came from.
 */
type Json = Record<string, unknown>;

interface RunLike {
	data?: {
		resultData?: {
			runData?: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Json }> | null> }; error?: unknown }>
			>;
			error?: unknown;
		};
	};
}

/** The JSON of the items a node output (first run, first output unless told). */
export function nodeItems(run: unknown, nodeName: string, runIndex = 0, outputIndex = 0): Json[] {
	const r = (run as RunLike | undefined)?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	return (r?.data?.main?.[outputIndex] ?? []).map((i) => i.json);
}

/** Names of the nodes that ran. */
export function nodesThatRan(run: unknown): string[] {
	return Object.keys((run as RunLike | undefined)?.data?.resultData?.runData ?? {});
}

/** The execution's error message (workflow level, else the first node error), or undefined. */
export function runError(run: unknown): string | undefined {
	const result = (run as RunLike | undefined)?.data?.resultData;
	const errors = [
		result?.error,
		...Object.values(result?.runData ?? {}).flatMap((runs) => runs.map((x) => x.error)),
	].filter(Boolean) as Array<{ message?: string; description?: string }>;
	if (!errors.length) return undefined;
	return [errors[0].message, errors[0].description].filter(Boolean).join(' — ');
}

/** The printed execution says it finished without an error (`status`/`finished` as n8n writes them). */
export function executionSucceeded(run: unknown): boolean {
	const r = run as (RunLike & { status?: string; finished?: boolean }) | undefined;
	if (!r?.data?.resultData || runError(run) !== undefined) return false;
	return r.status === 'success' || r.finished === true;
}
