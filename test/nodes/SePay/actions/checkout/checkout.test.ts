/** Checkout → Create: the signed form and page, accepted by the emulator's checkout; bad input refused before any request. */
import type { NodeOperationError } from 'n8n-workflow';

import { formFieldsOf, postForm, startPgTest } from '../../paymentGatewaySetup';
import type { PgTestContext } from '../../paymentGatewaySetup';

let t: PgTestContext;
beforeAll(async () => {
	t = await startPgTest();
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

const base = { resource: 'checkout', operation: 'create' };

it('outputs the checkout URL, the signed fields in post order and a page the emulator accepts; paying it shows CAPTURED', async () => {
	const result = await t.run({
		...base,
		orderAmount: 150000,
		invoiceNumber: 'INV_CO_001',
		orderDescription: 'Thanh toán đơn hàng #12345 – giao nhanh',
		additionalFields: {
			customerId: 'CUST_001',
			successUrl: 'https://shop.example.vn/ok?x=1&y=2',
			cancelUrl: 'https://shop.example.vn/cancel',
			customData: '{"cart":[1,2]}',
		},
	});
	const [json] = result.output[0].map((item) => item.json);
	expect(t.emu.requests).toHaveLength(0);
	expect(json.checkoutUrl).toBe(`${t.emu.baseUrl}/v1/checkout/init`);
	expect(json.fieldOrder).toEqual([
		'order_amount',
		'merchant',
		'currency',
		'operation',
		'order_description',
		'order_invoice_number',
		'customer_id',
		'success_url',
		'cancel_url',
		'custom_data',
		'signature',
	]);
	const fields = formFieldsOf(String(json.html));
	expect(fields).toEqual(Object.entries(json.fields as object));
	expect(String(json.html)).toContain(`action="${t.emu.baseUrl}/v1/checkout/init" method="POST"`);
	expect(String(json.html)).toContain("document.getElementById('sepay-checkout').submit()");

	const posted = await postForm(String(json.checkoutUrl), fields);
	expect(posted.status).toBe(302);
	const page = await fetch(String(posted.location));
	expect(await page.text()).toContain('Thanh toán đơn hàng #12345 – giao nhanh');
	t.emu.paymentGateway.pay('INV_CO_001');

	const got = await t.run({
		resource: 'paymentGatewayOrder',
		operation: 'get',
		invoiceNumber: 'INV_CO_001',
	});
	expect(got.output[0][0].json).toMatchObject({
		order_invoice_number: 'INV_CO_001',
		order_status: 'CAPTURED',
		order_amount: '150000.00',
	});
});

it('refuses a tampered page (the emulator checks the signature)', async () => {
	const result = await t.run({
		...base,
		orderAmount: 5000,
		invoiceNumber: 'INV_CO_002',
		orderDescription: 'Cà phê',
	});
	const fields = formFieldsOf(String(result.output[0][0].json.html)).map(
		([k, v]) => [k, k === 'order_amount' ? '5' : v] as [string, string],
	);
	const posted = await postForm(`${t.emu.baseUrl}/v1/checkout/init`, fields);
	expect(posted.status).toBe(400);
	expect(posted.text).toContain('Invalid signature');
});

it('puts the page in a binary field for Respond to Webhook, one item per input with pairedItem', async () => {
	const result = await t.run(
		{
			...base,
			orderAmount: '={{ $json.total }}',
			invoiceNumber: '={{ $json.code }}',
			orderDescription: 'Đơn {{ $json.code }}',
			binaryPage: true,
			binaryPropertyName: 'page',
		},
		{ items: [{ json: { total: 1000, code: 'A1' } }, { json: { total: '2000', code: 'A2' } }] },
	);
	const output = result.output[0];
	expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(output.map((item) => item.json.amount)).toEqual([1000, 2000]);
	expect(output[0].binary?.page.mimeType).toBe('text/html');
	expect(Buffer.from(String(output[0].binary?.page.data), 'base64').toString('utf8')).toBe(
		output[0].json.html,
	);
});

it('offers the payment methods as a signed field when fixed', async () => {
	const result = await t.run({
		...base,
		orderAmount: 99000,
		invoiceNumber: 'INV_CO_003',
		orderDescription: 'Thẻ',
		additionalFields: { paymentMethod: 'CARD' },
	});
	const json = result.output[0][0].json;
	expect((json.fields as Record<string, string>).payment_method).toBe('CARD');
	expect((await postForm(String(json.checkoutUrl), formFieldsOf(String(json.html)))).status).toBe(
		302,
	);
	expect(t.emu.paymentGateway.order('INV_CO_003')?.payment_method).toBe('CARD');
});

describe('bad input: an error naming the field, before any request', () => {
	const cases: Array<[string, Record<string, unknown>, string]> = [
		['missing amount', { orderAmount: '' }, 'Order Amount'],
		['amount 0', { orderAmount: 0 }, 'Order Amount'],
		['negative amount', { orderAmount: -5000 }, 'Order Amount'],
		['amount with decimals', { orderAmount: 1000.5 }, 'Order Amount'],
		['amount as text', { orderAmount: 'mười nghìn' }, 'Order Amount'],
		['invoice number too long', { invoiceNumber: 'X'.repeat(101) }, 'Invoice Number'],
		['invoice number with spaces', { invoiceNumber: 'INV 1' }, 'Invoice Number'],
		['empty description', { orderDescription: '  ' }, 'Description'],
		[
			'success URL not http(s)',
			{ additionalFields: { successUrl: 'ftp://shop.example.vn/ok' } },
			'Additional Fields → Success URL',
		],
		[
			'error URL not a URL',
			{ additionalFields: { errorUrl: 'shop.example.vn/error' } },
			'Additional Fields → Error URL',
		],
		[
			'cancel URL javascript:',
			{ additionalFields: { cancelUrl: 'javascript:alert(1)' } },
			'Additional Fields → Cancel URL',
		],
	];
	it.each(cases)('%s', async (_name, override, field) => {
		const params = {
			...base,
			orderAmount: 10000,
			invoiceNumber: 'INV_BAD',
			orderDescription: 'ok',
			...override,
		};
		const error = (await t.run(params).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toContain(`Invalid value for "${field}"`);
		expect(t.emu.requests).toHaveLength(0);
	});

	it('an invoice number of exactly 100 characters is fine', async () => {
		const result = await t.run({
			...base,
			orderAmount: 10000,
			invoiceNumber: 'X'.repeat(100),
			orderDescription: 'ok',
		});
		expect(result.output[0][0].json.invoiceNumber).toHaveLength(100);
	});

	it('with Continue On Fail: an error item for the bad input, the good one still done', async () => {
		const result = await t.run(
			{
				...base,
				orderAmount: '={{ $json.total }}',
				invoiceNumber: 'INV_COF',
				orderDescription: 'ok',
			},
			{ items: [{ json: { total: -1 } }, { json: { total: 500 } }], continueOnFail: true },
		);
		expect(result.output[0].map((item) => [item.pairedItem, Boolean(item.json.error)])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, false],
		]);
	});
});
