/**
 * The system Chromium (Debian's `chromium` package) driven by playwright-core: no browser download.
 * A fresh profile per run; every console error and page error is collected so a check can fail on
 * the editor's own errors.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.SEPAY_CHROMIUM || '/usr/bin/chromium';

const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface ConsoleEntry {
	text: string;
	url: string;
}

export interface UiBrowser {
	context: BrowserContext;
	page: Page;
	/** Console errors and uncaught page errors since the last `takeErrors()`. */
	takeErrors(): ConsoleEntry[];
	close(): Promise<void>;
}

export async function openBrowser(profileRoot: string): Promise<UiBrowser> {
	if (!existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set SEPAY_CHROMIUM)`);
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	mkdirSync(profileRoot, { recursive: true });
	const userDataDir = mkdtempSync(join(profileRoot, 'profile-'));
	// launchPersistentContext passes --user-data-dir itself; headless adds --headless.
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1440, height: 900 },
		chromiumSandbox: false,
	});
	context.setDefaultTimeout(30_000);
	const errors: ConsoleEntry[] = [];
	const watch = (page: Page) => {
		page.on('console', (message) => {
			if (message.type() === 'error')
				errors.push({ text: message.text(), url: message.location().url });
		});
		page.on('pageerror', (error) =>
			errors.push({ text: `${error.name}: ${error.message}`, url: page.url() }),
		);
	};
	context.on('page', watch);
	const page = context.pages()[0] ?? (await context.newPage());
	watch(page);
	return {
		context,
		page,
		takeErrors: () => errors.splice(0, errors.length),
		close: async () => {
			await context.close().catch(() => undefined);
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}
