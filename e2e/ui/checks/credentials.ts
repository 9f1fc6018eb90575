/**
 * The four credential forms as users fill them: a wrong secret and the message shown (issue 12
 * item 3 for the API token), the good one and "Connection tested successfully"; the OAuth2 form
 * with its Environment, and "Connect my account" against the emulator ending connected.
 */
import type { Page } from 'playwright-core';

import { DEMO_CREDENTIALS } from '../../demo-credentials';
import { assert, type UiCheck, type UiContext } from '../check';

async function openCredential(page: Page, editorUrl: string, id: string): Promise<void> {
	await page.goto(`${editorUrl}/home/credentials/${id}`);
	await page.getByTestId('credential-edit-dialog').waitFor();
	await page.waitForTimeout(500);
}

async function fill(page: Page, name: string, value: string): Promise<void> {
	const input = page
		.getByTestId('credential-edit-dialog')
		.getByTestId(`parameter-input-${name}`)
		.locator('input, textarea')
		.first();
	await input.click();
	await input.fill('');
	await input.pressSequentially(value, { delay: 5 });
	await page.waitForTimeout(300);
}

/**
 * Saves and waits (bounded) for the outcome the check expects, as the dialog shows it: the dialog
 * may still show the previous test's result for a moment. Returns the dialog's text either way.
 */
async function saveAndRead(page: Page, expected: 'error' | 'ok'): Promise<string> {
	const dialog = page.getByTestId('credential-edit-dialog');
	await page
		.getByTestId('credential-save-button')
		.or(page.getByRole('button', { name: 'Save', exact: true }))
		.first()
		.click();
	const started = Date.now();
	for (;;) {
		const text = await dialog.innerText();
		if (expected === 'error' && /Couldn.t connect/i.test(text)) {
			// The message itself is behind "More details".
			await dialog.getByText('More details').first().click();
			await page.waitForTimeout(500);
			return await dialog.innerText();
		}
		if (
			expected === 'ok' &&
			/Connection tested successfully/i.test(text) &&
			!/Couldn.t connect/i.test(text)
		)
			return text;
		if (Date.now() - started > 60_000) return text;
		await page.waitForTimeout(300);
	}
}

async function closeDialog(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page
		.getByTestId('credential-edit-dialog')
		.waitFor({ state: 'hidden' })
		.catch(() => undefined);
}

async function secretRoundTrip(
	ctx: UiContext,
	id: string,
	field: string,
	good: string,
	wrongMessage: RegExp,
	shotName: string,
): Promise<string> {
	const { page, stack, shot } = ctx;
	await openCredential(page, stack.editorUrl, id);
	await fill(page, field, 'wrong-secret-value-12');
	let failed: string;
	try {
		failed = await saveAndRead(page, 'error');
		await shot(`${shotName}-wrong`);
	} finally {
		await fill(page, field, good);
	}
	assert(wrongMessage.test(failed), `${id}: a wrong ${field} shows: ${failed.slice(0, 400)}`);
	assert(!failed.includes('wrong-secret-value-12'), `${id}: the message shows the secret`);
	const passed = await saveAndRead(page, 'ok');
	await shot(shotName);
	assert(
		/Connection tested successfully/i.test(passed),
		`${id}: the good ${field} shows: ${passed.slice(0, 400)}`,
	);
	await closeDialog(page);
	return (wrongMessage.exec(failed)?.[0] ?? '').slice(0, 60);
}

/** n8n's own words for a credential test the server refused (the Payment Gateway test has no rules of its own). */
const PG_REFUSED = /Authorization failed[^\n]*|401[^\n]*|Unauthorized[^\n]*/i;

async function emulatorSecrets(emulatorUrl: string): Promise<Record<string, string>> {
	const res = await fetch(`${emulatorUrl}/_control/info`);
	return ((await res.json()) as { secrets: Record<string, string> }).secrets;
}

export const credentialForms: UiCheck = {
	name: 'credential forms and tests',
	async run(ctx) {
		const secrets = await emulatorSecrets(ctx.stack.emulatorUrl);
		const token = await secretRoundTrip(
			ctx,
			DEMO_CREDENTIALS.apiToken.id,
			'apiToken',
			secrets.apiToken,
			/SePay refused this API token[^\n]*Sandbox \(Test Mode\)[^\n]*Production/,
			'credential-api-token',
		);
		const einvoice = await secretRoundTrip(
			ctx,
			DEMO_CREDENTIALS.eInvoice.id,
			'clientSecret',
			secrets.einvoiceClientSecret,
			/SePay eInvoice did not issue an access token/,
			'credential-einvoice',
		);
		const pg = await secretRoundTrip(
			ctx,
			DEMO_CREDENTIALS.paymentGateway.id,
			'secretKey',
			secrets.pgSecretKey,
			PG_REFUSED,
			'credential-payment-gateway',
		);
		return `API token wrong → "${token}…"; eInvoice wrong → "${einvoice}…"; Payment Gateway wrong → "${pg}…"; all good → tested successfully`;
	},
};

export const oauth2Connect: UiCheck = {
	name: 'OAuth2 form and Connect',
	async run({ page, stack, shot }) {
		await openCredential(page, stack.editorUrl, DEMO_CREDENTIALS.oAuth2.id);
		const dialog = page.getByTestId('credential-edit-dialog');
		const labels = (await dialog.innerText()).split('\n').map((l) => l.trim());
		const at = (label: string) => labels.findIndex((l) => l.replace(/\s*\*$/, '') === label);
		assert(
			at('Environment') >= 0 && at('Base URL') >= 0,
			`the OAuth2 form shows no Environment/Base URL: ${labels.join(' | ').slice(0, 300)}`,
		);
		await shot('credential-oauth2');
		const connect = dialog
			.getByTestId('oauth-connect-button')
			.or(dialog.getByText(/Reconnect|Connect my account/).first());
		const [popup] = await Promise.all([
			page.context().waitForEvent('page', { timeout: 30_000 }),
			connect.first().click(),
		]);
		await popup.waitForEvent('close', { timeout: 60_000 }).catch(() => undefined);
		await dialog
			.getByText(/Account connected/i)
			.first()
			.waitFor({ timeout: 60_000 });
		await shot('credential-oauth2-connected');
		await closeDialog(page);
		return `Environment at line ${at('Environment')}, Client ID at ${at('Client ID')}; Connect → Account connected`;
	},
};
