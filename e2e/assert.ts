/** The tiny assert helper of the e2e suites: node's strict assert plus run-data checks. */
import assert from 'node:assert/strict';

import type { ExecuteResult } from './n8n-instance';
import { nodeItems, runError } from './run-data';

export { assert };

/** The execution succeeded; returns the named node's output items (at least `min`). */
export function expectItems(
	result: ExecuteResult,
	nodeName: string,
	min = 1,
): Array<Record<string, unknown>> {
	assert.ok(
		result.ok,
		`execute failed (rc ${result.code}): ${runError(result.output) ?? result.stderr.slice(-500)}`,
	);
	const items = nodeItems(result.output, nodeName);
	assert.ok(
		items.length >= min,
		`${nodeName} returned ${items.length} items, expected at least ${min}`,
	);
	return items;
}

/** The execution failed; returns the error message. */
export function expectFailure(result: ExecuteResult): string {
	assert.ok(!result.ok, 'execute succeeded, expected a failure');
	return runError(result.output) ?? `${result.stdout}\n${result.stderr}`;
}
