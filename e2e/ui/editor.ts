/** What a user does in n8n's editor, as small steps on a playwright page (n8n 2.8 selectors). */
import type { Locator, Page } from 'playwright-core';

export async function signIn(
	page: Page,
	editorUrl: string,
	email: string,
	password: string,
): Promise<void> {
	await page.goto(`${editorUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', email);
	await page.fill('input[name=password]', password);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/(home|workflows)/);
}

export async function openWorkflow(page: Page, editorUrl: string, id: string): Promise<void> {
	await page.goto(`${editorUrl}/workflow/${id}`);
	await page.getByTestId('canvas-wrapper').waitFor();
	await page.getByTestId('canvas-node').first().waitFor();
}

export async function newWorkflow(page: Page, editorUrl: string): Promise<void> {
	// Through the workflows list, so the editor does not keep the previous canvas.
	await page.goto(`${editorUrl}/home/workflows`);
	await page
		.getByTestId('resources-list-wrapper')
		.or(page.getByTestId('add-resource-workflow'))
		.first()
		.waitFor()
		.catch(() => undefined);
	await page.goto(`${editorUrl}/workflow/new`);
	await page.getByTestId('canvas-wrapper').waitFor();
	await page
		.getByTestId('canvas-node')
		.first()
		.waitFor({ state: 'detached', timeout: 5000 })
		.catch(() => undefined);
}

/** A new workflow with one SePay action added from the nodes panel (n8n adds its manual trigger). */
export async function newWorkflowWithAction(
	page: Page,
	editorUrl: string,
	action: string,
	needsCredential = true,
): Promise<void> {
	await newWorkflow(page, editorUrl);
	await searchNodes(page, 'SePay');
	await page
		.getByTestId('node-creator-item-name')
		.filter({ hasText: /^SePay$/ })
		.first()
		.click();
	const panel = page.getByTestId('node-creator');
	const item = panel.getByText(action, { exact: true });
	if (!(await item.isVisible().catch(() => false)))
		await panel.getByText(/^Actions \(\d+\)/).click();
	await item.click();
	await page.getByTestId('ndv').waitFor();
	if (needsCredential)
		await page.getByTestId('ndv').getByTestId('node-credentials-select').waitFor();
}

/** Opens the nodes panel (on a workflow with nodes) and searches. */
export async function searchNodes(page: Page, text: string): Promise<string[]> {
	if (!(await page.getByTestId('node-creator').isVisible())) {
		const plus = page.getByTestId('canvas-plus-button');
		if (await plus.isVisible()) await plus.click();
		else await page.getByTestId('node-creator-plus-button').click();
	}
	await page.getByTestId('node-creator-search-bar').fill(text);
	await page.waitForTimeout(500);
	return (await page.getByTestId('node-creator-item-name').allInnerTexts()).map((t) => t.trim());
}

export async function closeNdv(page: Page): Promise<void> {
	if (await page.getByTestId('ndv').isVisible()) await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

/** The parameter's select (options) in the open NDV. */
export function parameterInput(page: Page, name: string): Locator {
	return page.getByTestId('ndv').getByTestId(`parameter-input-${name}`);
}

export async function selectedText(page: Page, name: string): Promise<string> {
	return (await parameterInput(page, name).locator('input').first().inputValue()).trim();
}

/** Picks an option of a select parameter by its visible name. */
export async function chooseOption(page: Page, name: string, option: string): Promise<void> {
	await parameterInput(page, name).click();
	// An item shows the option's name and, below it, its description.
	const item = page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.getByText(option, { exact: true }) });
	await item.first().click();
	await dropdownClosed(page);
}

/** Waits until no select dropdown is open (one fading out would mix into the next one's items). */
async function dropdownClosed(page: Page): Promise<void> {
	await page
		.locator('.el-select-dropdown__item:visible')
		.first()
		.waitFor({ state: 'hidden', timeout: 10_000 })
		.catch(() => undefined);
}

/** Picks the first option a select parameter offers (a loaded list); returns its name. */
export async function chooseFirstOption(page: Page, name: string): Promise<string> {
	await dropdownClosed(page);
	await parameterInput(page, name).click();
	const item = page.locator('.el-select-dropdown__item:visible').first();
	await item.waitFor();
	await page.waitForTimeout(300);
	const text = (await item.innerText()).split('\n')[0].trim();
	await item.click();
	await dropdownClosed(page);
	return text;
}

/** Names of a select parameter's options, as the dropdown lists them. */
export async function optionNames(page: Page, name: string): Promise<string[]> {
	await dropdownClosed(page);
	await parameterInput(page, name).click();
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const names = (await items.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	await page.keyboard.press('Escape');
	await dropdownClosed(page);
	return names;
}

/** The credential shown in the open NDV ('' when the resource needs none). */
export async function credentialSelected(page: Page): Promise<string> {
	const select = page.getByTestId('ndv').getByTestId('node-credentials-select');
	if (!(await select.isVisible().catch(() => false))) return '';
	return (await select.locator('input').first().inputValue()).trim();
}

export async function chooseCredential(page: Page, name: string): Promise<void> {
	await page.getByTestId('ndv').getByTestId('node-credentials-select').click();
	await page.locator('.el-select-dropdown__item:visible').filter({ hasText: name }).first().click();
	await page.waitForTimeout(200);
}

/** "Execute step" in the open NDV; returns the output panel's item count. */
export async function executeStep(page: Page, timeoutMs = 90_000): Promise<number> {
	const output = page.getByTestId('output-panel');
	// The panel keeps the previous run's output until the new one arrives.
	const before = await output.innerText();
	await page.getByTestId('ndv').getByTestId('node-execute-button').first().click();
	const started = Date.now();
	for (;;) {
		const text = await output.innerText();
		if (text === before && Date.now() - started < timeoutMs) {
			await page.waitForTimeout(300);
			continue;
		}
		if (/Error details/.test(text))
			throw new Error(`Execute step failed: ${text.replace(/\s+/g, ' ').slice(0, 400)}`);
		const m = /(\d[\d,]*)\s+items?\b/i.exec(text);
		if (m) return Number(m[1].replace(/,/g, ''));
		if (Date.now() - started > timeoutMs)
			throw new Error(`no output count after ${timeoutMs / 1000} s: ${text.slice(0, 300)}`);
		await page.waitForTimeout(500);
	}
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
