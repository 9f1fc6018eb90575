/** Received requests and counters, for assertions such as "POST /v1/token was called once". */
import type { Counters, EarlyRequest, RecordedRequest } from './types';

export class RequestLog {
	readonly requests: RecordedRequest[] = [];
	readonly counters: Counters = { total: 0, byRoute: {}, rateLimited: 0, faults: 0, early: 0 };
	readonly early: EarlyRequest[] = [];
	private seq = 0;

	constructor(private readonly limit: number) {}

	add(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
		const record: RecordedRequest = { seq: ++this.seq, ...entry };
		this.requests.push(record);
		if (this.requests.length > this.limit)
			this.requests.splice(0, this.requests.length - this.limit);
		this.counters.total++;
		const key = `${entry.method} ${entry.path}`;
		this.counters.byRoute[key] = (this.counters.byRoute[key] ?? 0) + 1;
		return record;
	}

	recordEarly(entry: EarlyRequest): void {
		this.early.push(entry);
		this.counters.early++;
	}

	/** Counts logged requests by method and exact path (or a RegExp on the path). */
	count(method: string, path: string | RegExp): number {
		return this.requests.filter(
			(r) =>
				r.method === method.toUpperCase() &&
				(typeof path === 'string' ? r.path === path : path.test(r.path)),
		).length;
	}

	clear(): void {
		this.requests.length = 0;
		this.counters.total = 0;
		this.counters.byRoute = {};
		this.counters.rateLimited = 0;
		this.counters.faults = 0;
		this.counters.early = 0;
		this.early.length = 0;
	}
}
