import type { Emulator } from '../../../../../emulator';
import type { CredentialStore } from '../../../../../harness';
import { createParameters, newStore, received, run, startEInvoiceEmulator } from './setup';

let emu: Emulator;
let store: CredentialStore;

beforeAll(async () => {
	emu = await startEInvoiceEmulator();
});
afterAll(async () => await emu.close());
beforeEach(() => {
	emu.reset();
	store = newStore(emu);
});

const payment = [
	{ json: { id: 93127, gateway: 'Vietcombank', transferAmount: 9400000, code: 'DH1042' } },
];

describe('409 EINVOICE_DOCUMENT_EXISTED', () => {
	it('a retried execution outputs the invoice that exists instead of creating a second one', async () => {
		const parameters = createParameters(emu, { issuedDate: '' });
		const first = await run({ store, parameters, items: payment });
		const retry = await run({ store, parameters, items: payment });
		const creates = received(emu, 'POST', '/v1/invoices/create');
		expect(creates.map((r) => r.status)).toEqual([200, 409]);
		const reference = first.output[0][0].json.reference_code as string;
		expect(received(emu, 'GET', `/v1/invoices/${reference}`)).toHaveLength(1);
		expect(retry.output[0][0].json).toMatchObject({
			reference_code: reference,
			invoice_number: first.output[0][0].json.invoice_number,
			status: 'issued',
			alreadyExisted: true,
		});
		expect(
			[...emu.state.einvoice.invoices.values()].filter((i) => i.source === 'api'),
		).toHaveLength(1);
	});

	it('waits for the earlier job when the duplicate is still being created (404 first)', async () => {
		const slow = await startEInvoiceEmulator({ einvoiceJobDelayMs: 1500 });
		try {
			const slowStore = newStore(slow);
			const parameters = createParameters(slow, { issuedDate: '', waitForCompletion: false });
			const first = await run({ store: slowStore, parameters, items: payment });
			const retry = await run({
				store: slowStore,
				parameters: { ...parameters, waitForCompletion: true },
				items: payment,
			});
			const reference = first.output[0][0].json.reference_code as string;
			const lookups = received(slow, 'GET', `/v1/invoices/${reference}`).map((r) => r.status);
			expect(lookups[0]).toBe(404);
			expect(lookups[lookups.length - 1]).toBe(200);
			expect(retry.output[0][0].json).toMatchObject({
				reference_code: reference,
				alreadyExisted: true,
				status: 'issued',
			});
		} finally {
			await slow.close();
		}
	});

	it('without waiting, a duplicate still being created is a clear error', async () => {
		const slow = await startEInvoiceEmulator({ einvoiceJobDelayMs: 60_000 });
		try {
			const slowStore = newStore(slow);
			const parameters = createParameters(slow, { issuedDate: '', waitForCompletion: false });
			await run({ store: slowStore, parameters, items: payment });
			const error = await run({ store: slowStore, parameters, items: payment }).catch((e) => e);
			expect(error.message).toMatch(
				/^An invoice with reference code [0-9a-f-]{36} is already being created$/,
			);
		} finally {
			await slow.close();
		}
	});

	it('fails with an English explanation when Return Existing on Duplicate is off', async () => {
		const parameters = createParameters(emu, {
			referenceCodeMode: 'custom',
			referenceCode: 'ORDER-42',
			options: { pollInterval: 0.02, timeout: 5, returnExisting: false },
		});
		await run({ store, parameters });
		const error = await run({ store, parameters }).catch((e) => e);
		expect(error.message).toBe(
			'An invoice with this reference code already exists (EINVOICE_DOCUMENT_EXISTED)',
		);
		expect(error.httpCode).toBe('409');
		expect(error.description).toContain('Return Existing on Duplicate');
		expect(received(emu, 'GET', '/v1/invoices/ORDER-42')).toHaveLength(0);
	});
});

describe('quota and tax-approval errors', () => {
	it('quota exhausted: 403 QUOTA_EXCEEDED with advice, no job started', async () => {
		emu.setEInvoiceQuota(0);
		const error = await run({ store, parameters: createParameters(emu) }).catch((e) => e);
		expect(error.message).toBe('The e-invoice quota is used up (QUOTA_EXCEEDED)');
		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('Usage → Get');
		expect(received(emu, 'GET', /check/)).toHaveLength(0);
	});

	it('drafts still work with no quota left', async () => {
		emu.setEInvoiceQuota(0);
		const { output } = await run({
			store,
			parameters: createParameters(emu, { createAs: 'draft' }),
		});
		expect(output[0][0].json).toMatchObject({ status: 'draft', invoice_number: '0' });
	});

	it("422 REGISTRATION_NOT_TAX_APPROVED is explained in English, SePay's text kept", async () => {
		const bkav = emu.state.einvoice.providerAccounts[1];
		const error = await run({
			store,
			parameters: createParameters(emu, {
				providerAccountId: bkav.id,
				template: `1|${bkav.templates[0].invoice_series}`,
			}),
		}).catch((e) => e);
		expect(error.message).toBe(
			'The provider account is not yet approved by the tax authority for e-invoices (REGISTRATION_NOT_TAX_APPROVED)',
		);
		expect(error.httpCode).toBe('422');
		expect(error.description).toContain('SePay said: Tài khoản chưa đăng ký');
	});

	it('422 on Issue of a draft (account not approved) is explained too', async () => {
		const bkav = emu.state.einvoice.providerAccounts[1];
		await run({
			store,
			parameters: createParameters(emu, {
				providerAccountId: bkav.id,
				template: `1|${bkav.templates[0].invoice_series}`,
				createAs: 'draft',
				referenceCodeMode: 'custom',
				referenceCode: 'BKAV-DRAFT',
			}),
		});
		const error = await run({
			store,
			parameters: { resource: 'invoice', operation: 'issue', referenceCode: 'BKAV-DRAFT' },
		}).catch((e) => e);
		expect(error.message).toContain('(REGISTRATION_NOT_TAX_APPROVED)');
		expect(error.httpCode).toBe('422');
		expect(received(emu, 'GET', /issue\/check/)).toHaveLength(0);
	});

	it('422 INVOICE_DATE_BEFORE_TAX_APPROVAL names the fix', async () => {
		const error = await run({
			store,
			parameters: createParameters(emu, { issuedDate: '2026-01-15 08:00:00' }),
		}).catch((e) => e);
		expect(error.message).toBe(
			'The invoice date is before the tax authority approved the provider account (INVOICE_DATE_BEFORE_TAX_APPROVAL)',
		);
		expect(error.description).toContain('tax_authority_approved_date');
	});

	it('under Continue On Fail a 422 is an error item for that input item only', async () => {
		const { output } = await run({
			store,
			parameters: createParameters(emu, { issuedDate: '={{ $json.date }}' }),
			items: [{ json: { date: '2026-01-15 08:00:00' } }, { json: { date: '2026-06-02 08:00:00' } }],
			continueOnFail: true,
		});
		expect(output[0]).toHaveLength(2);
		expect(output[0][0].json.error).toContain('INVOICE_DATE_BEFORE_TAX_APPROVAL');
		expect(output[0][1].json).toMatchObject({ status: 'issued' });
		expect(output[0][1].pairedItem).toEqual({ item: 1 });
	});
});
