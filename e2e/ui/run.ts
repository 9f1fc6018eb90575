/**
 * `npm run e2e:ui`: the editor as users see it, in the system Chromium, against the `npm start`
 * stack on free ports. Every check saves screenshots under .tmp/ui/; any failed check (or editor
 * console error) fails the run.
 *   --only <name,...>   run only checks whose name contains one of these
 *   --attach <editor URL> <emulator URL>   use a running `npm start` instead of starting one
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../cache';
import { formatDuration, say } from '../progress';
import { openBrowser } from './browser';
import { realErrors, shotPath, type UiCheck, type UiContext } from './check';
import { UI_CHECKS } from './checks';
import { signIn } from './editor';
import { startStack, type Stack } from './stack';

const LABEL = 'e2e:ui';
const ROOT = join(REPO_ROOT, '.tmp', 'ui');

function parseArgs(argv: string[]): { only: string[]; attach?: [string, string] } {
	const out: { only: string[]; attach?: [string, string] } = { only: [] };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--only') out.only = (argv[++i] ?? '').split(',').filter(Boolean);
		else if (argv[i] === '--attach') out.attach = [argv[++i], argv[++i]];
		else throw new Error(`unknown option ${argv[i]}`);
	}
	return out;
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	mkdirSync(ROOT, { recursive: true });
	const started = Date.now();
	let stack: Stack;
	if (args.attach) {
		stack = {
			editorUrl: args.attach[0],
			emulatorUrl: args.attach[1],
			email: 'owner@sepay-demo.local',
			password: 'SePayDemo-2026',
			userFolder: '',
			logFile: '',
			stop: async () => undefined,
		};
	} else {
		say(LABEL, 'starting the npm start stack on free ports …');
		stack = await startStack(ROOT);
	}
	say(
		LABEL,
		`stack ready in ${formatDuration(Date.now() - started)}: editor ${stack.editorUrl}, emulator ${stack.emulatorUrl}`,
	);
	const browser = await openBrowser(join(ROOT, 'profiles'));
	const checks: UiCheck[] = args.only.length
		? UI_CHECKS.filter((c) => args.only.some((o) => c.name.includes(o)))
		: UI_CHECKS;
	const failures: string[] = [];
	try {
		await signIn(browser.page, stack.editorUrl, stack.email, stack.password);
		browser.takeErrors(); // the sign-in page's 401 before signing in
		const ctx: UiContext = {
			page: browser.page,
			stack,
			shotsDir: ROOT,
			shot: async (name) => {
				const path = shotPath(ROOT, name);
				await browser.page.screenshot({ path });
				return path;
			},
			takeErrors: browser.takeErrors,
		};
		for (const check of checks) {
			const t = Date.now();
			try {
				const found = await check.run(ctx);
				const errors = realErrors(browser.takeErrors());
				if (errors.length)
					throw new Error(
						`editor console errors: ${errors
							.map((e) => `${e.text} (${e.url})`)
							.join(' | ')
							.slice(0, 800)}`,
					);
				say(LABEL, `PASS ${check.name} (${formatDuration(Date.now() - t)}): ${found}`);
			} catch (error) {
				const path = await ctx.shot(`FAILED-${check.name}`).catch(() => '(no screenshot)');
				failures.push(check.name);
				browser.takeErrors(); // the failed check's leftovers are not the next check's
				say(
					LABEL,
					`FAIL ${check.name} (${formatDuration(Date.now() - t)}): ${(error as Error).message}\n        screenshot: ${path}`,
				);
				await browser.page.keyboard.press('Escape').catch(() => undefined);
			}
		}
	} finally {
		await browser.close();
		await stack.stop();
	}
	say(
		LABEL,
		`${checks.length - failures.length}/${checks.length} checks passed in ${formatDuration(Date.now() - started)}; screenshots in ${ROOT}`,
	);
	return failures.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`e2e:ui: ${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
