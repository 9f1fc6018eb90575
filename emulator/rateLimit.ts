/**
 * Sliding one-second window per client. Real SePay limits per IP (3 req/s, checked before auth);
 * every test client here shares 127.0.0.1, so by default the emulator keys the window by the
 * credential (Authorization header) and falls back to the IP only for unauthenticated requests.
 *
 * `strict` is SePay v2 as documented: one window per IP, checked before authentication on every
 * API, and a refused client is blocked until its Retry-After has passed; each request it sends
 * before then is refused again and recorded as early (see `EarlyRequest`).
 */
export interface RateDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Seconds until a slot frees up (≥1 when refused). */
	resetSeconds: number;
	/** Strict mode: refused because it came before the Retry-After of an earlier 429. */
	early?: { blockedUntil: number };
}

export class RateLimiter {
	private windows = new Map<string, number[]>();

	private blockedUntil = new Map<string, number>();

	constructor(
		readonly perSecond: number,
		readonly strict = false,
	) {}

	hit(key: string, now = Date.now()): RateDecision {
		const early = this.blocked(key, now);
		if (early) return early;
		const window = (this.windows.get(key) ?? []).filter((t) => now - t < 1000);
		if (window.length >= this.perSecond) {
			this.windows.set(key, window);
			const waitMs = 1000 - (now - window[0]);
			const resetSeconds = Math.max(1, Math.ceil(waitMs / 1000));
			this.block(key, resetSeconds, now);
			return { allowed: false, limit: this.perSecond, remaining: 0, resetSeconds };
		}
		window.push(now);
		this.windows.set(key, window);
		return {
			allowed: true,
			limit: this.perSecond,
			remaining: this.perSecond - window.length,
			resetSeconds: 1,
		};
	}

	/** Strict mode: the refusal for a request sent while the key is still blocked, if it is. */
	blocked(key: string, now = Date.now()): RateDecision | undefined {
		const until = this.blockedUntil.get(key);
		if (!this.strict || until === undefined || now >= until) return undefined;
		const resetSeconds = Math.max(1, Math.ceil((until - now) / 1000));
		return {
			allowed: false,
			limit: this.perSecond,
			remaining: 0,
			resetSeconds,
			early: { blockedUntil: until },
		};
	}

	/** Strict mode: after a 429 (also an injected one) the key waits its Retry-After out. */
	block(key: string, retryAfterSeconds: number, now = Date.now()): void {
		if (this.strict)
			this.blockedUntil.set(
				key,
				Math.max(this.blockedUntil.get(key) ?? 0, now + retryAfterSeconds * 1000),
			);
	}

	reset(): void {
		this.windows.clear();
		this.blockedUntil.clear();
	}
}

export function rateHeaders(d: RateDecision): Record<string, string> {
	const headers: Record<string, string> = {
		'X-RateLimit-Limit': String(d.limit),
		'X-RateLimit-Remaining': String(d.remaining),
		'X-RateLimit-Reset': String(d.resetSeconds),
	};
	if (!d.allowed) headers['Retry-After'] = String(d.resetSeconds);
	return headers;
}
