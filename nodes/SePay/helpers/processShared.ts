import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * A value shared by every copy of this package's modules in one n8n process. n8n (seen in 2.41)
 * may load the package's files again when it reloads node types (it clears them from the require
 * cache), so module-level state can split: a trigger loaded before and one loaded after would
 * each keep their own. n8n-workflow is n8n's own module, loaded once, so the value hangs off one of
 * its objects under a registered symbol (invisible to anything else; `globalThis` is not allowed in
 * community nodes).
 */
export function processShared<T>(name: string, create: () => T): T {
	const holder = NodeConnectionTypes as unknown as Record<symbol, T | undefined>;
	const key = Symbol.for(`n8n-nodes-sepay:${name}`);
	return (holder[key] ??= create());
}
