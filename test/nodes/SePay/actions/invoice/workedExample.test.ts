/**
 * The README's worked example, as written there: a SePay payment (the trigger's simplified
 * output) → Invoice → Create (issued, reference code from the transaction id) → Invoice →
 * Download (PDF). Parameters are the README's, expressions included.
 */
import type { Emulator } from '../../../../../emulator';
import type { CredentialStore } from '../../../../../harness';
import { newStore, received, run, startEInvoiceEmulator } from './setup';

let emu: Emulator;
let store: CredentialStore;

beforeAll(async () => {
	emu = await startEInvoiceEmulator();
	store = newStore(emu);
});
afterAll(async () => await emu.close());

const payment = {
	id: 93127,
	date: '2026-11-20 14:02:11',
	bankAccountNumber: '0071000888888',
	bank: 'Vietcombank',
	direction: 'in',
	amount: 1100000,
	balance: 25400000,
	content: 'DH1042 thanh toan don hang',
	paymentCode: 'DH1042',
	reference: 'FT26324123456',
	subAccount: null,
};

function createParameters() {
	const account = emu.state.einvoice.providerAccounts[0];
	return {
		resource: 'invoice',
		operation: 'create',
		providerAccountId: account.id,
		template: `1|${account.templates[0].invoice_series}`,
		createAs: 'issue',
		issuedDate: '',
		currency: 'VND',
		paymentMethod: 'CK',
		buyerName: 'Nguyễn Văn A',
		buyer: { type: 'personal', email: 'khach@example.com' },
		itemsInput: 'json',
		itemsJson:
			'=[{ "item_name": "Đơn hàng {{ $json.paymentCode }}", "unit": "đơn", "quantity": 1, "unit_price": {{ Math.round($json.amount / 1.1) }}, "tax_rate": 10 }]',
		referenceCodeMode: 'custom',
		referenceCode: '=SEPAY-{{ $json.id }}',
		additionalFields: { notes: '={{ "Thanh toán " + $json.reference }}' },
		options: { pollInterval: 0.05 },
	};
}

const downloadParameters = {
	resource: 'invoice',
	operation: 'download',
	// An invoice that already existed (a replay) has no tracking code in the output: SePay's
	// examples accept the reference code on this endpoint (UNCONFIRMED), so fall back to it.
	trackingCode: '={{ $json.tracking_code || $json.reference_code }}',
	fileType: 'pdf',
	binaryPropertyName: 'data',
};

it('payment → issued invoice → PDF, and a replayed payment gives the same invoice', async () => {
	const created = await run({ store, parameters: createParameters(), items: [{ json: payment }] });
	const invoice = created.output[0][0].json;
	const body = received(emu, 'POST', '/v1/invoices/create')[0].body as Record<string, unknown>;
	expect(body).toMatchObject({
		reference_code: 'SEPAY-93127',
		is_draft: false,
		notes: 'Thanh toán FT26324123456',
		items: [
			{
				line_number: 1,
				line_type: 1,
				item_name: 'Đơn hàng DH1042',
				unit: 'đơn',
				quantity: 1,
				unit_price: 1000000,
				tax_rate: 10,
			},
		],
	});
	expect(invoice).toMatchObject({
		reference_code: 'SEPAY-93127',
		status: 'issued',
		total_amount: 1100000,
	});

	const downloaded = await run({ store, parameters: downloadParameters, items: created.output[0] });
	const file = downloaded.output[0][0].binary?.data;
	expect(file?.fileName).toMatch(/^HD_\d{7}_\d{8}\.pdf$/);
	expect(
		Buffer.from(file?.data ?? '', 'base64')
			.subarray(0, 4)
			.toString(),
	).toBe('%PDF');

	// SePay retries the webhook / the workflow is re-run: no second invoice.
	const replay = await run({ store, parameters: createParameters(), items: [{ json: payment }] });
	expect(replay.output[0][0].json).toMatchObject({
		reference_code: 'SEPAY-93127',
		invoice_number: invoice.invoice_number,
		alreadyExisted: true,
	});
	expect([...emu.state.einvoice.invoices.values()].filter((i) => i.source === 'api')).toHaveLength(
		1,
	);
	const again = await run({ store, parameters: downloadParameters, items: replay.output[0] });
	expect(again.output[0][0].binary?.data?.fileName).toBe(file?.fileName);
});
