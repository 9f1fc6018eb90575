/**
 * The package installed the way users do: Settings → Community Nodes → Install on an n8n 2.8.4
 * without it, from a local registry served at registry.npmjs.org for that n8n only
 * (registry/localRegistry.ts); the nodes then appear in the panel and one runs; a newer version
 * published afterwards is offered as an update and installed through the same page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { REPO_ROOT } from '../../cache';
import { ensureN8n } from '../../n8n-install';
import { N8nInstance } from '../../n8n-instance';
import { DEFAULT_OWNER, ownerSession } from '../../n8n-rest';
import { packRepo, PACKAGE_NAME } from '../../package-tarball';
import { DEV_VERSION } from '../../versions';
import { assert, realErrors, type UiCheck } from '../check';
import {
	executeStep,
	newWorkflow,
	newWorkflowWithAction,
	parameterInput,
	searchNodes,
	signIn,
} from '../editor';
import { startLocalRegistry } from '../registry/localRegistry';
import { repackNewer } from '../registry/newerVersion';

/** As the nodes panel lists them on an empty workflow (n8n drops " Trigger" from webhook triggers' names). */
const SEPAY_NODES = ['SePay', 'SePay Polling Trigger', 'SePay Payment Gateway'];

function packageCard(page: Page) {
	return page.getByTestId('community-package-card').filter({ hasText: PACKAGE_NAME });
}

async function openCommunityNodes(page: Page, editorUrl: string): Promise<void> {
	await page.goto(`${editorUrl}/settings/community-nodes`);
	await page.getByText('Community nodes', { exact: false }).first().waitFor();
}

async function waitForVersion(page: Page, version: string, timeoutMs = 240_000): Promise<void> {
	await packageCard(page).getByText(`v${version}`, { exact: true }).waitFor({ timeout: timeoutMs });
}

/** Payment QR → Generate (no credential) on the installed node: one item. */
async function runOneNode(page: Page, editorUrl: string): Promise<number> {
	await newWorkflowWithAction(page, editorUrl, 'Generate a payment QR code', false);
	for (const [name, value] of [
		['accountNumber', '0071000123456'],
		['bank', 'Vietcombank'],
		['amount', '50000'],
	] as const) {
		const input = parameterInput(page, name).locator('input').first();
		if (await input.isVisible().catch(() => false)) await input.fill(value);
	}
	return await executeStep(page);
}

export const communityInstall: UiCheck = {
	name: 'Settings → Community Nodes install and update',
	async run({ page, shot, shotsDir, takeErrors }) {
		const registry = await startLocalRegistry(shotsDir);
		let n8n: N8nInstance | undefined;
		try {
			const tgz = await packRepo();
			await registry.publish(tgz);
			const install = await ensureN8n(DEV_VERSION);
			n8n = await new N8nInstance(install, {
				label: `n8n ${DEV_VERSION} (community install)`,
				wrap: registry.wrap,
				env: { ...registry.n8nEnv, N8N_COMMUNITY_PACKAGES_ENABLED: 'true' },
			}).init();
			await n8n.start();
			await ownerSession(n8n.baseUrl);
			// localhost, not 127.0.0.1: its own cookies, so the npm start stack's session is kept.
			const editorUrl = `http://localhost:${n8n.port}`;
			await signIn(page, editorUrl, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
			takeErrors(); // the sign-in page's 401 before signing in, as in run.ts
			await newWorkflow(page, editorUrl);
			const before = await searchNodes(page, 'SePay');
			assert(
				!before.includes('SePay'),
				`the SePay node is there before the install: ${before.join(', ')}`,
			);

			await openCommunityNodes(page, editorUrl);
			await page
				.getByRole('button', { name: /Install( a community node)?/ })
				.first()
				.click();
			// The test id sits on the input itself in 2.8.4.
			await page
				.locator('input[data-test-id=package-name-input], [data-test-id=package-name-input] input')
				.first()
				.fill(PACKAGE_NAME);
			await page.getByText('I understand the risks', { exact: false }).first().click();
			await shot('community-install-modal');
			await page.getByTestId('install-community-package-button').click();
			const installed = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
				version: string;
			};
			await waitForVersion(page, installed.version);
			await shot('community-installed');

			await newWorkflow(page, editorUrl);
			const listed = await searchNodes(page, 'SePay');
			const missing = SEPAY_NODES.filter((name) => !listed.includes(name));
			assert(
				!missing.length,
				`after the install the nodes panel lacks ${missing.join(', ')} (lists ${listed.join(', ')})`,
			);
			const items = await runOneNode(page, editorUrl);
			assert(items === 1, `the installed SePay node's Payment QR → Generate gave ${items} items`);
			await shot('community-installed-run');

			const newer = await repackNewer(tgz, `${shotsDir}/registry`);
			await registry.publish(newer.tgz);
			await openCommunityNodes(page, editorUrl);
			await packageCard(page).getByRole('button', { name: 'Update' }).click({ timeout: 120_000 });
			await page.getByRole('button', { name: 'Confirm update' }).click();
			await waitForVersion(page, newer.version);
			await shot('community-updated');
			const afterUpdate = await runOneNode(page, editorUrl);
			assert(afterUpdate === 1, `after the update Payment QR → Generate gave ${afterUpdate} items`);
			const errors = realErrors(takeErrors());
			assert(
				!errors.length,
				`editor console errors: ${errors
					.map((e) => `${e.text} (${e.url})`)
					.join(' | ')
					.slice(0, 800)}`,
			);
			return `installed v${installed.version} from the local registry (nodes: ${SEPAY_NODES.join(', ')}); Payment QR → Generate: ${items}; updated to v${newer.version}; after it: ${afterUpdate}`;
		} finally {
			// Leave this n8n's editor before stopping it (it would report "Can't connect to n8n").
			await page.goto('about:blank').catch(() => undefined);
			await n8n?.dispose().catch(() => undefined);
			// Requests the editor had open when it was left fail with "Can't connect to n8n".
			takeErrors();
			await registry.close();
		}
	},
};
