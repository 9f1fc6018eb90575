/** The node is found in the nodes panel; its panel names the npm page as Docs; action headings read well. */
import { assert, type UiCheck } from '../check';
import { closeNdv, newWorkflow, openWorkflow, searchNodes } from '../editor';

export const nodesPanel: UiCheck = {
	name: 'nodes panel',
	async run({ page, stack, shot }) {
		await newWorkflow(page, stack.editorUrl);
		const found: string[] = [];
		for (const term of ['SePay', 'hóa đơn', 'VietQR', 'bank']) {
			const names = await searchNodes(page, term);
			assert(
				names.some((n) => /^SePay/.test(n)),
				`searching "${term}" lists no SePay node: ${names.join(', ')}`,
			);
			found.push(`"${term}"`);
		}
		await searchNodes(page, 'SePay');
		await shot('node-panel');
		return `SePay found by ${found.join(', ')}`;
	},
};

export const actionsPanel: UiCheck = {
	name: 'actions panel headings',
	async run({ page, stack, shot }) {
		await openWorkflow(page, stack.editorUrl, 'sepayExDailyRec1');
		await page.keyboard.press('Tab');
		await page.getByTestId('node-creator-search-bar').waitFor();
		await searchNodes(page, 'SePay');
		await page
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^SePay$/ })
			.first()
			.click();
		const panel = page.getByTestId('node-creator');
		await panel.getByText('Get many transactions', { exact: true }).waitFor();
		const lines = (await panel.innerText()).split('\n').map((l) => l.trim());
		const headings = lines.filter((l) => / ACTIONS$/.test(l));
		assert(
			headings.includes('E-INVOICE ACTIONS'),
			`no "E-INVOICE ACTIONS" heading: ${headings.join(' | ')}`,
		);
		assert(
			!headings.some((h) => /EINVOICE/.test(h)),
			`a heading still reads EINVOICE: ${headings.join(' | ')}`,
		);
		await shot('actions-panel');
		await page.keyboard.press('Escape');
		await closeNdv(page).catch(() => undefined);
		return `${headings.length} headings (${headings.slice(0, 3).join(', ')}, …)`;
	},
};
