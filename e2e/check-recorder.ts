/** Records named checks of a run: prints `ok` / `FAIL` lines and collects the results. */
import { formatDuration, say } from './progress';
import type { CheckResult } from './suite';

/** `record(suite)(name, fn)` runs one check; a throw marks it failed and calls `onFail`. */
export function checkRecorder(
	results: CheckResult[],
	version: string,
	label: string,
	onFail: () => void,
) {
	return (suite: string) =>
		async (name: string, fn: () => Promise<void> | void): Promise<void> => {
			const t = Date.now();
			try {
				await fn();
				results.push({ version, suite, name, ok: true, ms: Date.now() - t });
				say(label, `ok    ${suite}: ${name} (${formatDuration(Date.now() - t)})`);
			} catch (e) {
				onFail();
				const error = (e as Error).message ?? String(e);
				results.push({ version, suite, name, ok: false, error, ms: Date.now() - t });
				say(label, `FAIL  ${suite}: ${name}\n        ${error.split('\n').join('\n        ')}`);
			}
		};
}
