/** What the queue-mode suites get: the cluster, the emulator, the run sink, checks. */
import type { Emulator } from '../../emulator';
import type { QueueCluster } from './cluster';
import type { RunSink } from './sink';

export interface QueueContext {
	cluster: QueueCluster;
	emu: Emulator;
	sink: RunSink;
	/** The owner's public-API key on the main. */
	apiKey: string;
	redisPort: number;
	/** Runs one named check; a throw marks it failed (the suite goes on). */
	test(name: string, fn: () => Promise<void> | void): Promise<void>;
	/** A line of figures (printed, not asserted). */
	report(line: string): void;
}

export interface QueueSuite {
	name: string;
	run(ctx: QueueContext): Promise<void>;
}
