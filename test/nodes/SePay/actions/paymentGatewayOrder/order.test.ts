/** Order (Payment Gateway): Get, Get Many (filters, Return All through the paginator), Cancel and Void with SePay's conditions. */
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startPgTest } from '../../paymentGatewaySetup';
import type { PgTestContext } from '../../paymentGatewaySetup';

let t: PgTestContext;
beforeAll(async () => {
	t = await startPgTest();
	// 230 orders: three pages of 100 for Return All.
	for (let i = 1; i <= 230; i++) {
		const made = await t.checkoutOrder({
			order_amount: 1000 * i,
			order_invoice_number: `BULK_${String(i).padStart(3, '0')}`,
			order_description: i % 10 === 0 ? `Đơn đặc biệt ${i}` : `Đơn ${i}`,
			customer_id: i % 2 ? 'CUST_ODD' : 'CUST_EVEN',
		});
		if (made.status !== 302) throw new Error(made.text);
	}
	for (let i = 1; i <= 230; i += 7) t.emu.paymentGateway.pay(`BULK_${String(i).padStart(3, '0')}`);
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

const order = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'paymentGatewayOrder',
	operation,
	...extra,
});
const orderRequests = () => t.emu.requests.filter((r) => r.path.startsWith('/v1/order'));

describe('Get', () => {
	it('by invoice number: the order with its transactions, ids and amounts exactly as SePay sent them', async () => {
		const result = await t.run(order('get', { invoiceNumber: 'BULK_008' }));
		const json = result.output[0][0].json;
		expect(json).toMatchObject({
			order_invoice_number: 'BULK_008',
			order_status: 'CAPTURED',
			order_amount: '8000.00',
			customer_id: 'CUST_EVEN',
		});
		expect((json.transactions as unknown[]).length).toBe(1);
		expect(orderRequests().map((r) => r.path)).toEqual(['/v1/order/detail/BULK_008']);
	});

	it("by SePay's order ID", async () => {
		const id = String(t.emu.paymentGateway.order('BULK_002')?.order_id);
		const result = await t.run(order('get', { invoiceNumber: id }));
		expect(result.output[0][0].json.order_invoice_number).toBe('BULK_002');
	});

	const orderIdOf = (invoice: string): string =>
		String(t.emu.paymentGateway.order(invoice)?.order_id);
	const readings: Array<[string, 'orderId' | 'invoice', () => string]> = [
		['SePay order IDs only, asked by invoice number', 'orderId', () => 'BULK_003'],
		['invoice numbers only, asked by SePay order ID', 'invoice', () => orderIdOf('BULK_004')],
	];
	it.each(readings)(
		'a detail path taking %s: found through the list and asked again',
		async (_name, accepts, id) => {
			t.emu.paymentGateway.setDetailAccepts(accepts);
			try {
				const result = await t.run(order('get', { invoiceNumber: id() }));
				expect(result.output[0][0].json.transactions).toBeDefined();
				expect(orderRequests().map((r) => [r.path, r.query.q])).toEqual([
					[`/v1/order/detail/${id()}`, undefined],
					['/v1/order', id()],
					[expect.stringMatching(/^\/v1\/order\/detail\//), undefined],
				]);
			} finally {
				t.emu.paymentGateway.setDetailAccepts('both');
			}
		},
	);

	it("an unknown order: 404 with SePay's message", async () => {
		const error = (await t
			.run(order('get', { invoiceNumber: 'NOPE_404' }))
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toContain('found no such record (404)');
		expect(error.description).toContain('Order not found');
	});

	it('a bad invoice number is refused before any request', async () => {
		const error = (await t
			.run(order('get', { invoiceNumber: 'has space' }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toContain('Invalid value for "Invoice Number"');
		expect(t.emu.requests).toHaveLength(0);
	});
});

describe('Get Many', () => {
	it('Return All walks every page through the paginator (100 per page) and returns each order once', async () => {
		const result = await t.run(order('getAll', { returnAll: true }));
		const invoices = result.output[0].map((item) => item.json.order_invoice_number);
		expect(invoices.length).toBeGreaterThanOrEqual(230);
		expect(new Set(invoices).size).toBe(invoices.length);
		expect(orderRequests().map((r) => [r.query.page, r.query.per_page])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	it('Limit asks for no more than needed', async () => {
		const result = await t.run(order('getAll', { returnAll: false, limit: 5 }));
		expect(result.output[0]).toHaveLength(5);
		expect(orderRequests().map((r) => r.query.per_page)).toEqual(['5']);
	});

	it('sends every documented filter and SePay applies them', async () => {
		const result = await t.run(
			order('getAll', {
				returnAll: true,
				filters: {
					search: 'đặc biệt',
					status: 'CAPTURED',
					customerId: 'CUST_EVEN',
					createdFrom: '2020-01-01',
					createdTo: '2099-12-31',
					sort: 'asc',
				},
			}),
		);
		const [request] = orderRequests();
		expect(request.query).toEqual({
			q: 'đặc biệt',
			order_status: 'CAPTURED',
			customer_id: 'CUST_EVEN',
			from_created_at: '2020-01-01',
			to_created_at: '2099-12-31',
			end_created_at: '2099-12-31',
			'sort[created_at]': 'asc',
			page: '1',
			per_page: '100',
		});
		const rows = result.output[0].map((item) => item.json);
		// Paid (every 7th from 1) and even and "đặc biệt" (every 10th): 50, 120, 190.
		expect(rows.map((r) => r.order_invoice_number)).toEqual(['BULK_050', 'BULK_120', 'BULK_190']);
	});

	it('Created On sends created_at', async () => {
		const today = String(t.emu.paymentGateway.order('BULK_001')?.created_at).slice(0, 10);
		const result = await t.run(
			order('getAll', { returnAll: false, limit: 3, filters: { createdOn: today } }),
		);
		expect(orderRequests()[0].query.created_at).toBe(today);
		expect(result.output[0]).toHaveLength(3);
	});

	it('refuses an end date before the start date, naming the field', async () => {
		const error = (await t
			.run(order('getAll', { filters: { createdFrom: '2026-02-01', createdTo: '2026-01-01' } }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toContain('"Filters → Created To"');
		expect(t.emu.requests).toHaveLength(0);
	});
});

describe('Cancel', () => {
	it('cancels an unpaid bank-transfer order', async () => {
		await t.checkoutOrder({
			order_amount: 50000,
			order_invoice_number: 'CAN_001',
			order_description: 'x',
			payment_method: 'BANK_TRANSFER',
		});
		const result = await t.run(order('cancel', { invoiceNumber: 'CAN_001' }));
		expect(result.output[0][0].json).toEqual({
			invoiceNumber: 'CAN_001',
			success: true,
			message: 'Đã hủy đơn hàng thành công',
		});
		expect(orderRequests().map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/v1/order/cancel', { order_invoice_number: 'CAN_001' }],
		]);
		expect(t.emu.paymentGateway.order('CAN_001')?.order_status).toBe('CANCELLED');
	});

	it("a paid order: says it is already paid, with SePay's words in the description", async () => {
		const error = (await t
			.run(order('cancel', { invoiceNumber: 'BULK_001' }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe(
			'The order is already paid (CAPTURED); only unpaid orders can be cancelled',
		);
		expect(error.description).toContain('can no longer be cancelled');
	});

	it('a card order: says to void instead', async () => {
		await t.checkoutOrder({
			order_amount: 50000,
			order_invoice_number: 'CAN_CARD',
			order_description: 'x',
			payment_method: 'CARD',
		});
		t.emu.paymentGateway.pay('CAN_CARD');
		const error = (await t
			.run(order('cancel', { invoiceNumber: 'CAN_CARD' }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toContain('Cancel works only for bank-transfer and NAPAS QR orders');
	});
});

describe('Void Transaction', () => {
	it('voids a card payment made now; SePay sends TRANSACTION_VOID', async () => {
		t.emu.paymentGateway.setIpn(null);
		await t.checkoutOrder({
			order_amount: 70000,
			order_invoice_number: 'VOID_OK',
			order_description: 'x',
			payment_method: 'CARD',
		});
		t.emu.paymentGateway.pay('VOID_OK');
		const result = await t.run(order('voidTransaction', { invoiceNumber: 'VOID_OK' }));
		expect(result.output[0][0].json).toMatchObject({ invoiceNumber: 'VOID_OK', success: true });
		expect(
			t.emu.paymentGateway.order('VOID_OK')?.transactions.map((tx) => tx.transaction_type),
		).toEqual(['PAYMENT', 'VOID']);
	});

	it('after the settlement cut-off: a clear error naming the cut-off', async () => {
		await t.checkoutOrder({
			order_amount: 70000,
			order_invoice_number: 'VOID_LATE',
			order_description: 'x',
			payment_method: 'CARD',
		});
		// Wednesday 10:00 → cut-off the same day at 16:00.
		t.emu.paymentGateway.pay('VOID_LATE', { transactionDate: '2026-01-07 10:00:00' });
		const error = (await t
			.run(order('voidTransaction', { invoiceNumber: 'VOID_LATE' }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe(
			'The card payment of 2026-01-07 10:00:00 passed the settlement cut-off (2026-01-07 16:00:00 Vietnam time) and can no longer be voided; refund it instead',
		);
		expect(error.description).toContain('settlement cut-off');
	});

	it('a bank-transfer payment: says void is for cards', async () => {
		const error = (await t
			.run(order('voidTransaction', { invoiceNumber: 'BULK_015' }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toContain('Void works only for card payments');
	});
});
