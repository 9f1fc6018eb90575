import type { Emulator } from '../../../../../emulator';
import type { CredentialStore } from '../../../../../harness';
import {
	createParameters,
	newStore,
	received,
	run,
	startEInvoiceEmulator,
	vatAccount,
} from './setup';

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

describe('Invoice → Create', () => {
	it('sends SePay the body it documents and outputs the issued invoice after polling', async () => {
		const { output } = await run({ store, parameters: createParameters(emu) });
		const [create] = received(emu, 'POST', '/v1/invoices/create');
		expect(create.headers.authorization).toMatch(/^Bearer ey/);
		const body = create.body as Record<string, unknown>;
		expect(body).toEqual({
			template_code: '1',
			invoice_series: vatAccount(emu).template.split('|')[1],
			issued_date: '2026-06-01 09:30:00',
			currency: 'VND',
			provider_account_id: vatAccount(emu).providerAccountId,
			is_draft: false,
			payment_method: 'CK',
			reference_code: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			),
			buyer: {
				name: 'Công ty TNHH ABC',
				type: 'company',
				tax_code: '0101234567',
				email: 'ketoan@abc.example',
				address: '12 Láng Hạ, Hà Nội',
			},
			items: [
				{
					line_number: 1,
					line_type: 1,
					item_name: 'Máy lọc nước',
					unit: 'cái',
					quantity: 2,
					unit_price: 4500000,
					tax_rate: 10,
				},
				{
					line_number: 2,
					line_type: 1,
					item_name: 'Phí lắp đặt',
					unit: 'lần',
					quantity: 1,
					unit_price: 200000,
					tax_rate: 8,
					discount_tax: 10,
				},
			],
		});
		expect(received(emu, 'GET', /^\/v1\/invoices\/create\/check\//).length).toBeGreaterThanOrEqual(
			1,
		);
		const invoice = output[0][0].json;
		expect(invoice).toMatchObject({
			reference_code: body.reference_code,
			status: 'issued',
			job_status: 'Success',
			alreadyExisted: false,
			total_amount: expect.any(Number),
		});
		expect(invoice.invoice_number).not.toBe('0');
		expect(typeof invoice.tracking_code).toBe('string');
		expect(emu.state.einvoice.invoices.get(String(body.reference_code))?.status).toBe('issued');
	});

	it('creates a draft and, without waiting, outputs the tracking code at once', async () => {
		const { output } = await run({
			store,
			parameters: createParameters(emu, { createAs: 'draft', waitForCompletion: false }),
		});
		const body = received(emu, 'POST', '/v1/invoices/create')[0].body as Record<string, unknown>;
		expect(body.is_draft).toBe(true);
		expect(received(emu, 'GET', /check/)).toHaveLength(0);
		expect(output[0][0].json).toMatchObject({
			reference_code: body.reference_code,
			tracking_code: expect.any(String),
			tracking_url: expect.stringContaining('/v1/invoices/create/check/'),
			status: 'Pending',
		});
	});

	it('takes JSON lines (KCT / KKKNT rates, note line) and a custom reference code', async () => {
		const { output } = await run({
			store,
			parameters: createParameters(emu, {
				itemsInput: 'json',
				itemsJson: JSON.stringify([
					{ item_name: 'Sách giáo khoa', quantity: 1.25, unit_price: 80000, tax_rate: 'KCT' },
					{ itemName: 'Dịch vụ', quantity: '3', unitPrice: '150000', taxRate: -1 },
					{ item_name: 'Giao hàng trong 3 ngày', line_type: 4 },
				]),
				referenceCodeMode: 'custom',
				referenceCode: 'PAY-000123',
				additionalFields: { notes: 'Thanh toán qua SePay', totalAmount: 560000 },
			}),
		});
		const body = received(emu, 'POST', '/v1/invoices/create')[0].body as Record<string, unknown>;
		expect(body.reference_code).toBe('PAY-000123');
		expect(body.notes).toBe('Thanh toán qua SePay');
		expect(body.total_amount).toBe(560000);
		expect(body.items).toEqual([
			{
				line_number: 1,
				line_type: 1,
				item_name: 'Sách giáo khoa',
				quantity: 1.25,
				unit_price: 80000,
				tax_rate: -2,
			},
			{
				line_number: 2,
				line_type: 1,
				item_name: 'Dịch vụ',
				quantity: 3,
				unit_price: 150000,
				tax_rate: -1,
			},
			{ line_number: 3, line_type: 4, item_name: 'Giao hàng trong 3 ngày' },
		]);
		expect(output[0][0].json).toMatchObject({ reference_code: 'PAY-000123', status: 'issued' });
		// With a caller-chosen reference SePay's tracking code is another value: both are output.
		expect(output[0][0].json.tracking_code).not.toBe('PAY-000123');
	});

	it('derives the same reference code from the same input item, and another from another item', async () => {
		const parameters = createParameters(emu, {
			createAs: 'draft',
			waitForCompletion: false,
			issuedDate: '',
		});
		const items = [{ json: { id: 101, amount: 9400000 } }, { json: { id: 102, amount: 9400000 } }];
		await run({ store, parameters, items });
		emu.reset();
		await run({ store, parameters, items: [items[0]] });
		const codes = received(emu, 'POST', '/v1/invoices/create').map(
			(r) => (r.body as Record<string, unknown>).reference_code,
		);
		expect(codes).toHaveLength(1);
		const first = new Set(codes);
		emu.reset();
		await run({ store, parameters, items });
		const both = received(emu, 'POST', '/v1/invoices/create').map(
			(r) => (r.body as Record<string, unknown>).reference_code,
		);
		expect(both[0]).toBe([...first][0]);
		expect(both[1]).not.toBe(both[0]);
	});
});

describe('Invoice → Create: polling outcomes', () => {
	it("outputs SePay's reason as an error when the job ends Failed", async () => {
		emu.failNextInvoiceJob('Mã số thuế người mua không hợp lệ');
		await expect(run({ store, parameters: createParameters(emu) })).rejects.toMatchObject({
			message: 'SePay could not create the invoice: Mã số thuế người mua không hợp lệ',
			description: expect.stringContaining('ended Failed'),
		});
	});

	it('gives the Failed reason as an error item under Continue On Fail', async () => {
		emu.failNextInvoiceJob('Ký số thất bại');
		const { output } = await run({
			store,
			parameters: createParameters(emu),
			continueOnFail: true,
		});
		expect(output[0][0].json.error).toBe('SePay could not create the invoice: Ký số thất bại');
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('stops at the timeout with an error naming the tracking code', async () => {
		const slow = await startEInvoiceEmulator({ einvoiceJobDelayMs: 60_000 });
		try {
			const slowStore = newStore(slow);
			const error = await run({
				store: slowStore,
				parameters: createParameters(slow, { options: { pollInterval: 0.05, timeout: 0.2 } }),
			}).catch((e: Error & { description?: string }) => e);
			const create = received(slow, 'POST', '/v1/invoices/create')[0];
			expect(create.status).toBe(200);
			const tracking = [...slow.state.einvoice.jobs.keys()][0];
			expect((error as Error).message).toBe(
				`SePay has not finished tracking code ${tracking} within 0.2 s`,
			);
			expect((error as { description?: string }).description).toContain('Get Creation Status');
			const checks = received(slow, 'GET', `/v1/invoices/create/check/${tracking}`).length;
			expect(checks).toBeGreaterThanOrEqual(1);
		} finally {
			await slow.close();
		}
	});
});
