/**
 * Parses the stdout of `n8n execute --id X --rawOutput`. The JSON goes through n8n's logger, so
 * log lines ("Task Broker ready", Python runner warning …) come before it and sometimes after it;
 * take the longest `{ … }` block that parses.
 */
export function parseExecuteOutput(stdout: string): unknown {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!/^\s*[{[]/.test(lines[start])) continue;
		for (let end = lines.length; end > start; end--) {
			if (!/[}\]]\s*$/.test(lines[end - 1])) continue;
			try {
				return JSON.parse(lines.slice(start, end).join('\n'));
			} catch {
				// not this block
			}
		}
	}
	return undefined;
}
