/** One browser check: a name, what it does, and what it found (a short line for the report). */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import type { ConsoleEntry } from './browser';
import type { Stack } from './stack';

export interface UiContext {
	page: Page;
	stack: Stack;
	/** Folder of the screenshots (.tmp/ui/). */
	shotsDir: string;
	shot(name: string): Promise<string>;
	takeErrors(): ConsoleEntry[];
}

export interface UiCheck {
	name: string;
	run(ctx: UiContext): Promise<string>;
}

export function shotPath(dir: string, name: string): string {
	return join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
}

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/**
 * Console errors that come from n8n having no internet here, not from the package or the editor:
 * n8n asks api.n8n.io for banners and the npm registry for updates of community packages.
 */
const OFFLINE_NOISE = [
	/^https:\/\/api\.n8n\.io\//,
	/^https:\/\/registry\.npmjs\.org\//,
	/^https:\/\/api\.npms\.io\//,
];
/** n8n's editor asks for features this edition does not have (external secrets: enterprise). */
const EDITION_NOISE = [/\/rest\/external-secrets\//];
// Settings → Community Nodes asks api.npms.io how many community packages exist (a count it shows).
const OFFLINE_TEXT = [
	/Failed to fetch dynamic banners/,
	/ERR_NAME_NOT_RESOLVED|ERR_CERT_AUTHORITY_INVALID|ERR_INTERNET_DISCONNECTED/,
	/at async getAvailableCommunityPackageCount /,
];

export function realErrors(errors: ConsoleEntry[]): ConsoleEntry[] {
	return errors.filter(
		(e) =>
			![...OFFLINE_NOISE, ...EDITION_NOISE].some((re) => re.test(e.url)) &&
			!OFFLINE_TEXT.some((re) => re.test(e.text)),
	);
}
