/**
 * The SePay Trigger in the editor: a new one explains why "Test this trigger" is greyed (issue 12
 * item 6); the example's trigger shows its Test and Production URLs, listens, and receives a
 * delivery from the emulator (webhook registered at the test URL, one transaction).
 */
import { assert, type UiCheck } from '../check';
import { closeNdv, executeStep, newWorkflow, openWorkflow, searchNodes } from '../editor';

async function control(
	emulatorUrl: string,
	path: string,
	body: unknown,
): Promise<Record<string, unknown>> {
	const res = await fetch(`${emulatorUrl}/_control${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	assert(res.ok, `emulator ${path}: HTTP ${res.status}`);
	return (await res.json()) as Record<string, unknown>;
}

export const triggerNode: UiCheck = {
	name: 'SePay Trigger: hint, URLs, test event',
	async run({ page, stack, shot }) {
		await newWorkflow(page, stack.editorUrl);
		await searchNodes(page, 'SePay');
		await page
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^SePay$/ })
			.first()
			.click();
		await page.getByTestId('node-creator').getByText('On new SePay event').click();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor();
		await ndv.getByText('Enter the API key first', { exact: false }).waitFor();
		await shot('trigger-new');
		await closeNdv(page);

		await openWorkflow(page, stack.editorUrl, 'sepayExOrderPaid');
		await page.getByTestId('canvas-node').filter({ hasText: 'Payment With Order Code' }).dblclick();
		await ndv.waitFor();
		await ndv
			.getByText(/Webhook URLs/i)
			.first()
			.click();
		const text = await ndv.innerText();
		const testUrl = new RegExp(
			`${stack.editorUrl.replace(/[.:/]/g, (c) => `\\${c}`)}/webhook-test/[\\w-]+/webhook`,
		).exec(text)?.[0];
		assert(testUrl, `the trigger shows no test URL: ${text.slice(0, 400)}`);
		await ndv
			.getByText('Production URL', { exact: false })
			.first()
			.click()
			.catch(() => undefined);
		await shot('trigger');
		const apiKey = 'ui-test-key-0123456789abcdef';
		const keyInput = ndv.getByTestId('parameter-input-apiKey').locator('input').first();
		await keyInput.fill(apiKey);
		await page.waitForTimeout(300);
		const listening = executeStep(page, 120_000);
		await ndv
			.getByText(/Listening for test event|Waiting for/i)
			.first()
			.waitFor();
		await control(stack.emulatorUrl, '/webhooks', {
			webhook_url: testUrl,
			event_type: 'In_only',
			authen_type: 'Api_Key',
			api_key: apiKey,
		});
		await control(stack.emulatorUrl, '/transactions', {
			amount: 120000,
			transfer_type: 'in',
			content: 'DH778899 thanh toan don hang',
			wait: 'settled',
		});
		const count = await listening;
		assert(count === 1, `the test event gave ${count} items`);
		await shot('trigger-test-event');
		await closeNdv(page);
		return `test URL ${testUrl.replace(stack.editorUrl, '')}; a test event → ${count} item`;
	},
};
