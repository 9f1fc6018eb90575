/**
 * Where installed n8n versions and the Node 24 runtime live: outside the clone, so a fresh CI
 * clone reuses them. `$SEPAY_N8N_CACHE`, else `${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-sepay`.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function cacheDir(): string {
	const explicit = process.env.SEPAY_N8N_CACHE;
	const base = explicit
		? resolve(explicit)
		: join(
				process.env.XDG_CACHE_HOME
					? resolve(process.env.XDG_CACHE_HOME)
					: join(homedir(), '.cache'),
				'n8n-nodes-sepay',
			);
	mkdirSync(base, { recursive: true });
	return base;
}

/** The repository root (two levels above this file). */
export const REPO_ROOT = resolve(__dirname, '..');
