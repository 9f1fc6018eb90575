/** Shared set-up for the eInvoice tests: an emulator, a credential store, and node runners. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SePayApi } from '../../../../../credentials/SePayApi.credentials';
import { SePayEInvoiceApi } from '../../../../../credentials/SePayEInvoiceApi.credentials';
import { SePayOAuth2Api } from '../../../../../credentials/SePayOAuth2Api.credentials';
import { SePay } from '../../../../../nodes/SePay/SePay.node';
import { startEmulator } from '../../../../../emulator';
import type { Emulator, EmulatorOptions } from '../../../../../emulator';
import { createCredentialStore, runLoadOptions, runNode } from '../../../../../harness';
import type { CredentialStore } from '../../../../../harness';

export const EINVOICE = 'sePayEInvoiceApi';

export function einvoiceCredential(emu: Emulator): IDataObject {
	return {
		environment: 'custom',
		baseUrl: emu.baseUrl,
		clientId: emu.secrets.einvoiceClientId,
		clientSecret: emu.secrets.einvoiceClientSecret,
		// The emulator does not rate limit here; SePay's 3/s would make 100-invoice tests slow.
		requestsPerSecond: 1000,
	};
}

export function newStore(emu: Emulator): CredentialStore {
	return createCredentialStore(
		{ [EINVOICE]: einvoiceCredential(emu) as never },
		{ credentialTypes: [new SePayApi(), new SePayOAuth2Api(), new SePayEInvoiceApi()] },
	);
}

export async function startEInvoiceEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	return await startEmulator({
		port: 0,
		seed: 7,
		transactions: 5,
		einvoiceJobDelayMs: 30,
		...options,
	});
}

export interface Run {
	store: CredentialStore;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

export async function run({ store, parameters, items, continueOnFail }: Run) {
	return await runNode({
		node: new SePay(),
		parameters,
		store,
		items,
		continueOnFail,
		credentials: [EINVOICE],
	});
}

export async function loadOptions(
	store: CredentialStore,
	method: string,
	parameters: INodeParameters = {},
) {
	return await runLoadOptions({
		node: new SePay(),
		method,
		parameters,
		store,
		credentials: [EINVOICE],
	});
}

/** The matbao account (active, approved 2026-04-20) and its VAT template. */
export function vatAccount(emu: Emulator) {
	const account = emu.state.einvoice.providerAccounts[0];
	return { providerAccountId: account.id, template: `1|${account.templates[0].invoice_series}` };
}

/** Create parameters for a small VAT invoice; polling is fast for tests. */
export function createParameters(emu: Emulator, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'invoice',
		operation: 'create',
		...vatAccount(emu),
		createAs: 'issue',
		issuedDate: '2026-06-01 09:30:00',
		currency: 'VND',
		paymentMethod: 'CK',
		buyerName: 'Công ty TNHH ABC',
		buyer: {
			type: 'company',
			tax_code: '0101234567',
			email: 'ketoan@abc.example',
			address: '12 Láng Hạ, Hà Nội',
		},
		itemsInput: 'fields',
		items: {
			item: [
				{ itemName: 'Máy lọc nước', unit: 'cái', quantity: 2, unitPrice: 4500000, taxRate: '10' },
				{
					itemName: 'Phí lắp đặt',
					unit: 'lần',
					quantity: 1,
					unitPrice: 200000,
					taxRate: '8',
					discountPercent: 10,
				},
			],
		},
		options: { pollInterval: 0.02, timeout: 5 },
		...extra,
	};
}

/** Requests the emulator received for a method and path (RegExp or exact). */
export function received(emu: Emulator, method: string, path: string | RegExp) {
	return emu.requests.filter(
		(r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
	);
}

/** One eInvoice emulator and credential store for a describe block (or a file), closed after it. */
export function useEInvoiceEmulator(options: EmulatorOptions = {}): {
	emu: Emulator;
	store: CredentialStore;
} {
	const ctx = {} as { emu: Emulator; store: CredentialStore };
	beforeAll(async () => {
		ctx.emu = await startEInvoiceEmulator(options);
		ctx.store = newStore(ctx.emu);
	});
	afterAll(async () => await ctx.emu.close());
	return ctx;
}
