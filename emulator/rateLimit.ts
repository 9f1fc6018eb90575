/**
 * Sliding one-second window per client. Real SePay limits per IP (3 req/s, checked before auth);
 * every test client here shares 127.0.0.1, so the emulator keys the window by the credential
 * (Authorization header) and falls back to the IP only for unauthenticated requests.
 */
export interface RateDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Seconds until a slot frees up (≥1 when refused). */
	resetSeconds: number;
}

export class RateLimiter {
	private windows = new Map<string, number[]>();

	constructor(readonly perSecond: number) {}

	hit(key: string, now = Date.now()): RateDecision {
		const window = (this.windows.get(key) ?? []).filter((t) => now - t < 1000);
		if (window.length >= this.perSecond) {
			this.windows.set(key, window);
			const waitMs = 1000 - (now - window[0]);
			return { allowed: false, limit: this.perSecond, remaining: 0, resetSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
		}
		window.push(now);
		this.windows.set(key, window);
		return { allowed: true, limit: this.perSecond, remaining: this.perSecond - window.length, resetSeconds: 1 };
	}

	reset(): void {
		this.windows.clear();
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
