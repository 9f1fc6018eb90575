/**
 * A node added as "Get many transactions" shows Resource and Operation selectors (issue 12 item 1),
 * with the API token credential pre-selected (item 5); every resource and each of its operations
 * renders its parameters without editor errors; OAuth2 is selectable through the credential.
 */
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { REPO_ROOT } from '../../cache';
import { assert, realErrors, type UiCheck } from '../check';
import {
	chooseCredential,
	chooseOption,
	credentialSelected,
	newWorkflowWithAction,
	optionNames,
	selectedText,
} from '../editor';

const API_TOKEN = 'SePay API token (emulator)';
const EINVOICE = 'SePay eInvoice (emulator)';
const DOCS_PAGE = 'https://www.npmjs.com/package/n8n-nodes-sepay';
const OAUTH2 = 'SePay OAuth2 (emulator)';
const PAYMENT_GATEWAY = 'SePay Payment Gateway (emulator)';

/** The credential a resource's family needs, when it is not a banking one (chosen once, as a user does). */
function ownCredential(resource: string): string | undefined {
	if (resource.startsWith('E-Invoice')) return EINVOICE;
	if (resource.endsWith('(Payment Gateway)')) return PAYMENT_GATEWAY;
	return undefined;
}

/** Resource display name → its operations' display names, from the node's own description. */
function operationsByResource(): Map<string, { value: string; operations: string[] }> {
	// The built node (dist/, what n8n loaded): ts-node would resolve SePay.node to the codex JSON.
	const { SePay } = require(join(REPO_ROOT, 'dist', 'nodes', 'SePay', 'SePay.node.js')) as {
		SePay: new () => INodeType;
	};
	const { properties } = new SePay().description;
	const resources = properties.find((p) => p.name === 'resource')?.options ?? [];
	const map = new Map<string, { value: string; operations: string[] }>();
	for (const r of resources as Array<{ name: string; value: string }>) {
		const op = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value),
		);
		map.set(r.name, {
			value: r.value,
			operations: ((op?.options ?? []) as Array<{ name: string }>).map((o) => o.name),
		});
	}
	return map;
}

export async function addGetManyTransactions(ctx: Parameters<UiCheck['run']>[0]): Promise<void> {
	await newWorkflowWithAction(ctx.page, ctx.stack.editorUrl, 'Get many transactions');
}

export const resourceSelectors: UiCheck = {
	name: 'Resource and Operation selectors, every operation',
	async run(ctx) {
		const { page, shot, takeErrors } = ctx;
		await addGetManyTransactions(ctx);
		assert(
			await page.getByTestId('ndv').getByTestId('parameter-input-resource').isVisible(),
			'the Resource selector is not shown',
		);
		assert(
			(await selectedText(page, 'resource')) === 'Transaction',
			`Resource shows "${await selectedText(page, 'resource')}"`,
		);
		assert(
			(await selectedText(page, 'operation')) === 'Get Many',
			`Operation shows "${await selectedText(page, 'operation')}"`,
		);
		const preselected = await credentialSelected(page);
		assert(
			preselected === API_TOKEN,
			`the pre-selected credential is "${preselected}", not "${API_TOKEN}"`,
		);
		await shot('node');
		const links = await page
			.getByTestId('ndv')
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
		const docs = links.find((href) => href.startsWith(DOCS_PAGE));
		assert(docs, `the node's Docs link is not the npm page: ${links.join(', ').slice(0, 300)}`);

		const expected = operationsByResource();
		// n8n adds "Custom API Call" (the HTTP Request node with this credential) to every resource list.
		const listed = (await optionNames(page, 'resource')).filter(
			(name) => name !== 'Custom API Call',
		);
		assert(
			JSON.stringify(listed) === JSON.stringify([...expected.keys()]),
			`Resource lists ${listed.join(', ')}`,
		);
		let rendered = 0;
		for (const [resource, { operations }] of expected) {
			await chooseOption(page, 'resource', resource);
			// As a user does: the eInvoice and Payment Gateway resources need their own credential, picked once.
			const own = ownCredential(resource);
			if (own && (await credentialSelected(page)) !== own) {
				await chooseCredential(page, own);
				// Lists loaded before the credential was chosen failed, as for any n8n node.
				takeErrors();
			}
			const ops = (await optionNames(page, 'operation')).filter(
				(name) => name !== 'Custom API Call',
			);
			assert(
				JSON.stringify(ops) === JSON.stringify(operations),
				`${resource}: Operation lists ${ops.join(', ')}, expected ${operations.join(', ')}`,
			);
			for (const operation of operations) {
				await chooseOption(page, 'operation', operation);
				const count = await page
					.getByTestId('ndv')
					.getByTestId('node-parameters')
					.locator('[data-test-id=parameter-item]')
					.count();
				assert(count > 0, `${resource} → ${operation}: no parameters rendered`);
				const errors = realErrors(takeErrors());
				assert(
					!errors.length,
					`${resource} → ${operation}: editor errors: ${errors
						.map((e) => e.text)
						.join(' | ')
						.slice(0, 500)}`,
				);
				rendered++;
			}
			await shot(`resource-${expected.get(resource)?.value}`);
		}

		// Both banking authentications are a selector; each lists only its own credentials.
		await chooseOption(page, 'resource', 'Webhook');
		const notice = () =>
			page
				.getByTestId('ndv')
				.getByText('This operation needs OAuth2 authentication', { exact: false });
		assert(await notice().isVisible(), 'Webhook with the API token shows no OAuth2 notice');
		const auths = await optionNames(page, 'authentication');
		assert(
			auths.includes('API Token') && auths.includes('OAuth2'),
			`Authentication offers ${auths.join(', ')}`,
		);
		await chooseOption(page, 'authentication', 'OAuth2');
		await notice().waitFor({ state: 'hidden' });
		if ((await credentialSelected(page)) !== OAUTH2) await chooseCredential(page, OAUTH2);
		await shot('webhook-oauth2');
		await chooseOption(page, 'resource', 'E-Invoice');
		const einvoiceCredential = await credentialSelected(page);
		assert(
			einvoiceCredential === EINVOICE,
			`E-Invoice shows the credential "${einvoiceCredential}"`,
		);
		// Each family's Authentication is a selector of its own, with its credential.
		for (const resource of ['Checkout (Payment Gateway)', 'Order (Payment Gateway)']) {
			await chooseOption(page, 'resource', resource);
			const pgAuths = await optionNames(page, 'authentication');
			assert(
				JSON.stringify(pgAuths) === JSON.stringify(['Payment Gateway API']),
				`${resource}: Authentication offers ${pgAuths.join(', ')}`,
			);
			const pgCredential = await credentialSelected(page);
			assert(
				pgCredential === PAYMENT_GATEWAY,
				`${resource} shows the credential "${pgCredential}"`,
			);
		}
		await shot('payment-gateway-credential');
		await chooseOption(page, 'resource', 'Virtual Account Order');
		const vaAuths = await optionNames(page, 'authentication');
		assert(
			vaAuths.includes('API Token') && vaAuths.includes('OAuth2'),
			`Virtual Account Order: Authentication offers ${vaAuths.join(', ')}`,
		);
		await chooseOption(page, 'authentication', 'API Token');
		if ((await credentialSelected(page)) !== API_TOKEN) await chooseCredential(page, API_TOKEN);
		const vaCredential = await credentialSelected(page);
		assert(
			vaCredential === API_TOKEN,
			`Virtual Account Order shows the credential "${vaCredential}"`,
		);
		return `Docs → ${docs}; ${expected.size} resources, ${rendered} operations rendered; "${API_TOKEN}" pre-selected; Authentication ${auths.join('/')}; E-Invoice gets "${einvoiceCredential}"; Payment Gateway resources get "${PAYMENT_GATEWAY}"; Virtual Account Order "${vaCredential}"`;
	},
};
