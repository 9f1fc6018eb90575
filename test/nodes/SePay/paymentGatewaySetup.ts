/**
 * Shared setup of the Payment Gateway tests: one emulator, a store with the SePay Payment Gateway
 * credential (Custom → emulator), `run()` through the harness, and `checkoutOrder()` that plays
 * the customer's browser: posts a signed form to the emulator's checkout as the page would.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SePayPaymentGatewayApi } from '../../../credentials/SePayPaymentGatewayApi.credentials';
import { SePay } from '../../../nodes/SePay/SePay.node';
import {
	checkoutSignature,
	orderedSignedFields,
} from '../../../nodes/SePay/actions/checkout/signature';
import type { SignedField } from '../../../nodes/SePay/actions/checkout/signature';
import { startEmulator } from '../../../emulator';
import type { Emulator } from '../../../emulator';
import { createCredentialStore, runNode } from '../../../harness';
import type { CredentialStore, RunNodeResult } from '../../../harness';

export interface PgTestContext {
	emu: Emulator;
	store: CredentialStore;
	run(
		parameters: INodeParameters,
		options?: { items?: INodeExecutionData[]; continueOnFail?: boolean },
	): Promise<RunNodeResult>;
	checkoutOrder(
		values: Partial<Record<SignedField, string | number>>,
	): Promise<{ status: number; location: string | null; text: string }>;
}

/** Posts fields as the customer's browser does (form-urlencoded, in order), without following redirects. */
export async function postForm(url: string, fields: ReadonlyArray<readonly [string, string]>) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields as Array<[string, string]>).toString(),
		redirect: 'manual',
	});
	return {
		status: response.status,
		location: response.headers.get('location'),
		text: await response.text(),
	};
}

/** The hidden inputs of a page, in document order, HTML entities decoded. */
export function formFieldsOf(html: string): Array<[string, string]> {
	const decode = (text: string) =>
		text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
	return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
		decode(m[1]),
		decode(m[2]),
	]);
}

export async function startPgTest(): Promise<PgTestContext> {
	const emu = await startEmulator({ port: 0, seed: 7, retryMinuteMs: 20 });
	const store = createCredentialStore(
		{
			sePayPaymentGatewayApi: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				requestsPerSecond: 1000,
				merchantId: emu.secrets.pgMerchantId,
				secretKey: emu.secrets.pgSecretKey,
			},
		} as never,
		{ credentialTypes: [new SePayPaymentGatewayApi()] },
	);
	const node = new SePay();
	return {
		emu,
		store,
		run: async (parameters, options = {}) =>
			await runNode({
				node,
				store,
				parameters: { authentication: 'paymentGatewayApi', ...parameters },
				credentials: ['sePayPaymentGatewayApi'],
				items: options.items,
				continueOnFail: options.continueOnFail,
			}),
		async checkoutOrder(values) {
			const fields = orderedSignedFields({
				merchant: emu.secrets.pgMerchantId,
				currency: 'VND',
				operation: 'PURCHASE',
				...values,
			});
			return await postForm(`${emu.baseUrl}/v1/checkout/init`, [
				...fields,
				['signature', checkoutSignature(fields, emu.secrets.pgSecretKey)],
			]);
		},
	};
}
