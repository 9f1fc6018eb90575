/**
 * Injected faults for resilience tests: a share (or the next N) of requests fail with a 5xx, are
 * delayed, dropped without an answer or refused with 429; tokens can be made to expire after N
 * more requests. Shares use a seeded PRNG so a run is reproducible. Never applies to /_control.
 */
import { Prng } from './prng';
import type { FaultConfig } from './types';

export type FaultAction =
	| { kind: 'none' }
	| { kind: 'fail'; status: number }
	| { kind: 'drop' }
	| { kind: '429' };

const API_PREFIXES = ['/api/v1', '/v2', '/v1', '/oauth', '/img'];

export class Faults {
	config: FaultConfig = {};
	private prng: Prng;
	/** Requests since tokens last expired (expireTokensEvery). */
	private sinceExpiry = 0;

	constructor(private readonly seed: number) {
		this.prng = new Prng(seed + 7919);
	}

	set(config: FaultConfig): FaultConfig {
		this.config = { ...config };
		this.sinceExpiry = 0;
		return this.config;
	}

	clear(): void {
		this.config = {};
		this.sinceExpiry = 0;
		this.prng = new Prng(this.seed + 7919);
	}

	applies(path: string): boolean {
		if (path.startsWith('/_control')) return false;
		const prefixes = this.config.paths?.length ? this.config.paths : API_PREFIXES;
		return prefixes.some(
			(p) =>
				path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`) || path.startsWith(`${p}?`),
		);
	}

	latency(path: string): number {
		return this.applies(path) ? (this.config.latencyMs ?? 0) : 0;
	}

	/** True once, when the configured number of requests has passed. */
	shouldExpireTokens(path: string): boolean {
		const c = this.config;
		if (c.expireTokensEvery !== undefined && c.expireTokensEvery > 0 && this.applies(path)) {
			this.sinceExpiry = (this.sinceExpiry + 1) % c.expireTokensEvery;
			if (this.sinceExpiry === 0) return true;
		}
		if (c.expireTokensAfter === undefined || !this.applies(path)) return false;
		if (c.expireTokensAfter <= 0) {
			delete c.expireTokensAfter;
			return true;
		}
		c.expireTokensAfter--;
		return false;
	}

	decide(path: string): FaultAction {
		const c = this.config;
		if (!this.applies(path)) return { kind: 'none' };
		const status = c.failStatus ?? 500;
		if (c.dropNext && c.dropNext > 0) {
			c.dropNext--;
			return { kind: 'drop' };
		}
		if (c.failNext && c.failNext > 0) {
			c.failNext--;
			return { kind: 'fail', status };
		}
		if (c.force429 && c.force429 > 0 && c.force429Skip && c.force429Skip > 0) c.force429Skip--;
		else if (c.force429 && c.force429 > 0) {
			c.force429--;
			return { kind: '429' };
		}
		if (c.dropRate && this.prng.next() < c.dropRate) return { kind: 'drop' };
		if (c.failRate && this.prng.next() < c.failRate) return { kind: 'fail', status };
		return { kind: 'none' };
	}
}
