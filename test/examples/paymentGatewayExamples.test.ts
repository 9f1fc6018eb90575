/** The two Payment Gateway examples' SePay steps work against the emulator with the data their trigger gives them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { formFieldsOf, postForm, startPgTest } from '../nodes/SePay/paymentGatewaySetup';
import type { PgTestContext } from '../nodes/SePay/paymentGatewaySetup';

let t: PgTestContext;
beforeAll(async () => {
	t = await startPgTest();
});
afterAll(async () => t.emu.close());

function step(file: string, name: string): INodeParameters {
	const wf = JSON.parse(readFileSync(join(__dirname, '../../examples', file), 'utf8')) as { nodes: Array<{ name: string; parameters: INodeParameters }> };
	return wf.nodes.find((n) => n.name === name)!.parameters;
}

it('example 5: the checkout page built from the webhook query is accepted by the checkout', async () => {
	const result = await t.run(step('5-payment-link-from-form.json', 'SePay Checkout'), { items: [{ json: { query: { amount: '150000', invoice: 'DH123456' } } }] });
	const json = result.output[0][0].json;
	const posted = await postForm(String(json.checkoutUrl), formFieldsOf(String(json.html)));
	expect(posted.status).toBe(302);
	expect(t.emu.paymentGateway.order('DH123456')).toMatchObject({ order_amount: 150000, order_description: 'Thanh toán đơn hàng DH123456' });
});

it('example 6: Confirm With SePay reads the paid order named in the IPN', async () => {
	await t.checkoutOrder({ order_amount: 99000, order_invoice_number: 'DH777777', order_description: 'x' });
	t.emu.paymentGateway.setIpn(null);
	t.emu.paymentGateway.pay('DH777777');
	const ipn = { notification_type: 'ORDER_PAID', order: { order_invoice_number: 'DH777777' } };
	const result = await t.run(step('6-order-paid-fulfil.json', 'Confirm With SePay'), { items: [{ json: ipn }] });
	expect(result.output[0][0].json).toMatchObject({ order_invoice_number: 'DH777777', order_status: 'CAPTURED' });
});
