/** Plain progress lines with elapsed time, for long steps (installs, n8n boots). */

export function formatDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export function say(prefix: string, message: string): void {
	process.stdout.write(`[${prefix}] ${message}\n`);
}

/** Prints `message` now and a heartbeat with the elapsed time every `everyMs` until stopped. */
export function heartbeat(
	prefix: string,
	message: string,
	detail: () => string = () => '',
	everyMs = 20_000,
): () => number {
	const started = Date.now();
	say(prefix, message);
	const timer = setInterval(() => {
		const extra = detail();
		say(prefix, `… ${formatDuration(Date.now() - started)}${extra ? `, ${extra}` : ''}`);
	}, everyMs);
	timer.unref();
	return () => {
		clearInterval(timer);
		return Date.now() - started;
	};
}
