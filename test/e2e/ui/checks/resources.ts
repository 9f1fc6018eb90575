/**
 * A node added as "Get many transactions" shows Resource and Operation selectors (issue 12 item 1),
 * with the API token credential pre-selected (item 5); every resource and each of its operations
 * renders its parameters without editor errors; OAuth2 is selectable through the credential.
 */
import { SePay } from '../../../../nodes/SePay/SePay.node';
import { assert, realErrors, type UiCheck } from '../check';
import { chooseCredential, chooseOption, credentialSelected, openWorkflow, optionNames, searchNodes, selectedText } from '../editor';

const API_TOKEN = 'SePay API token (emulator)';
const OAUTH2 = 'SePay OAuth2 (emulator)';

/** Resource display name → its operations' display names, from the node's own description. */
function operationsByResource(): Map<string, { value: string; operations: string[] }> {
	const { properties } = new SePay().description;
	const resources = properties.find((p) => p.name === 'resource')?.options ?? [];
	const map = new Map<string, { value: string; operations: string[] }>();
	for (const r of resources as Array<{ name: string; value: string }>) {
		const op = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value));
		map.set(r.name, { value: r.value, operations: ((op?.options ?? []) as Array<{ name: string }>).map((o) => o.name) });
	}
	return map;
}

export async function addGetManyTransactions(ctx: Parameters<UiCheck['run']>[0]): Promise<void> {
	const { page, stack } = ctx;
	await openWorkflow(page, stack.editorUrl, 'sepayExDailyRec1');
	await page.keyboard.press('Tab');
	await searchNodes(page, 'SePay');
	await page.getByTestId('node-creator-item-name').filter({ hasText: /^SePay$/ }).first().click();
	await page.getByTestId('node-creator').getByText('Get many transactions', { exact: true }).click();
	await page.getByTestId('ndv').waitFor();
	await page.getByTestId('ndv').getByTestId('node-credentials-select').waitFor();
}

export const resourceSelectors: UiCheck = {
	name: 'Resource and Operation selectors, every operation',
	async run(ctx) {
		const { page, shot, takeErrors } = ctx;
		await addGetManyTransactions(ctx);
		assert(await page.getByTestId('ndv').getByTestId('parameter-input-resource').isVisible(), 'the Resource selector is not shown');
		assert((await selectedText(page, 'resource')) === 'Transaction', `Resource shows "${await selectedText(page, 'resource')}"`);
		assert((await selectedText(page, 'operation')) === 'Get Many', `Operation shows "${await selectedText(page, 'operation')}"`);
		const preselected = await credentialSelected(page);
		assert(preselected === API_TOKEN, `the pre-selected credential is "${preselected}", not "${API_TOKEN}"`);
		await shot('node');

		const expected = operationsByResource();
		const listed = await optionNames(page, 'resource');
		assert(JSON.stringify(listed) === JSON.stringify([...expected.keys()]), `Resource lists ${listed.join(', ')}`);
		let rendered = 0;
		for (const [resource, { operations }] of expected) {
			await chooseOption(page, 'resource', resource);
			const ops = await optionNames(page, 'operation');
			assert(JSON.stringify(ops) === JSON.stringify(operations), `${resource}: Operation lists ${ops.join(', ')}, expected ${operations.join(', ')}`);
			for (const operation of operations) {
				await chooseOption(page, 'operation', operation);
				const count = await page.getByTestId('ndv').getByTestId('node-parameters').locator('[data-test-id=parameter-item]').count();
				assert(count > 0, `${resource} → ${operation}: no parameters rendered`);
				const errors = realErrors(takeErrors());
				assert(!errors.length, `${resource} → ${operation}: editor errors: ${errors.map((e) => e.text).join(' | ').slice(0, 500)}`);
				rendered++;
			}
			await shot(`resource-${expected.get(resource)?.value}`);
		}

		// Both banking authentications: picking the OAuth2 credential switches Authentication.
		await chooseOption(page, 'resource', 'Webhook');
		const notice = () => page.getByTestId('ndv').getByText('This operation needs OAuth2 authentication', { exact: false });
		assert(await notice().isVisible(), 'Webhook with the API token shows no OAuth2 notice');
		await chooseCredential(page, OAUTH2);
		await notice().waitFor({ state: 'hidden' });
		await shot('webhook-oauth2');
		return `${expected.size} resources, ${rendered} operations rendered; "${API_TOKEN}" pre-selected; OAuth2 chosen via its credential`;
	},
};
