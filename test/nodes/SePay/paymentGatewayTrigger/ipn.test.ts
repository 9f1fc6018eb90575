/**
 * SePay Payment Gateway Trigger on n8n's webhook context, fed by the emulator's IPN deliveries:
 * X-Secret-Key checked, event filter, duplicates, SePay's 200 answer, everything else refused.
 */
import { SePayPaymentGatewayTrigger } from '../../../../nodes/SePay/SePayPaymentGatewayTrigger.node';
import { serveWebhook } from '../trigger/support/driver';
import type { WebhookDriver } from '../trigger/support/driver';
import { startPgTest } from '../paymentGatewaySetup';
import type { PgTestContext } from '../paymentGatewaySetup';

let t: PgTestContext;
let driver: WebhookDriver;
let counter = 0;

beforeAll(async () => {
	t = await startPgTest();
});
afterAll(async () => t.emu.close());
beforeEach(async () => {
	driver = await serveWebhook({
		node: new SePayPaymentGatewayTrigger(),
		parameters: { events: ['ORDER_PAID'] },
		store: t.store,
	});
	t.emu.paymentGateway.setIpn(driver.url);
});
afterEach(async () => driver.close());

async function paidOrder(method = 'BANK_TRANSFER'): Promise<string> {
	const invoice = `IPN_${++counter}`;
	const made = await t.checkoutOrder({
		order_amount: 120000,
		order_invoice_number: invoice,
		order_description: 'Áo thun',
		customer_id: 'CUST_9',
		payment_method: method,
	});
	expect(made.status).toBe(302);
	t.emu.paymentGateway.pay(invoice);
	await t.emu.paymentGateway.waitForIpn((all) =>
		all.some((d) => d.invoiceNumber === invoice && d.status === 'success'),
	);
	return invoice;
}

async function post(body: unknown, headers: Record<string, string>) {
	const response = await fetch(driver.url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

it('ORDER_PAID starts one execution with the notification as SePay sent it, answered 200 {"success":true}', async () => {
	const invoice = await paidOrder();
	const [delivery] = t.emu.paymentGateway
		.ipnDeliveries()
		.filter((d) => d.invoiceNumber === invoice);
	expect(delivery.attempts).toHaveLength(1);
	expect(delivery.attempts[0]).toMatchObject({ status: 200, body: '{"success":true}' });
	expect(delivery.attempts[0].requestHeaders['X-Secret-Key']).toBe(t.emu.secrets.pgSecretKey);
	expect(driver.executions).toHaveLength(1);
	expect(driver.executions[0].items[0].json).toEqual(delivery.payload);
	expect(driver.executions[0].items[0].json).toMatchObject({
		notification_type: 'ORDER_PAID',
		order: { order_invoice_number: invoice, order_status: 'CAPTURED', order_amount: '120000.00' },
		customer: { customer_id: 'CUST_9' },
	});
});

it('the same IPN sent again is acknowledged without a second execution', async () => {
	const invoice = await paidOrder();
	const [first] = t.emu.paymentGateway.ipnDeliveries().filter((d) => d.invoiceNumber === invoice);
	const again = t.emu.paymentGateway.resendIpn(first.id);
	await t.emu.paymentGateway.waitForIpn(() => again.status === 'success');
	expect(driver.executions).toHaveLength(1);
});

it('forged notifications are refused with 401 and start nothing', async () => {
	const invoice = await paidOrder();
	const [genuine] = t.emu.paymentGateway.ipnDeliveries().filter((d) => d.invoiceNumber === invoice);
	const forged = {
		...genuine.payload,
		transaction: { ...(genuine.payload.transaction as object), transaction_id: 'forged-1' },
	};
	const attempts: Array<Record<string, string>> = [
		{},
		{ 'X-Secret-Key': 'guess' },
		{ 'X-Secret-Key': `${t.emu.secrets.pgSecretKey}x` },
		{ 'X-Secret-Key': t.emu.secrets.pgSecretKey.slice(0, -1) },
		{ Authorization: `Apikey ${t.emu.secrets.pgSecretKey}` },
	];
	for (const headers of attempts) {
		const answer = await post(forged, headers);
		expect(answer).toEqual({ status: 401, body: { success: false, message: 'Unauthorized' } });
		expect(JSON.stringify(answer.body)).not.toContain(t.emu.secrets.pgSecretKey);
	}
	expect(driver.executions).toHaveLength(1);
});

it('unknown types and malformed bodies are refused with 400', async () => {
	const key = { 'X-Secret-Key': t.emu.secrets.pgSecretKey };
	expect(
		(await post({ notification_type: 'ORDER_REFUNDED', order: { order_id: 'X' } }, key)).status,
	).toBe(400);
	expect((await post({ notification_type: 'ORDER_PAID' }, key)).status).toBe(400);
	expect((await post([1, 2], key)).status).toBe(400);
	expect(driver.executions).toHaveLength(0);
});

it('TRANSACTION_VOID is acknowledged but ignored unless chosen in Events; chosen, it runs once', async () => {
	const invoice = await paidOrder('CARD');
	expect(driver.executions).toHaveLength(1);
	const result = await t.run({
		resource: 'paymentGatewayOrder',
		operation: 'voidTransaction',
		invoiceNumber: invoice,
	});
	expect(result.output[0][0].json.success).toBe(true);
	const voided = () =>
		t.emu.paymentGateway
			.ipnDeliveries()
			.find((d) => d.invoiceNumber === invoice && d.notificationType === 'TRANSACTION_VOID');
	await t.emu.paymentGateway.waitForIpn(() => voided()?.status === 'success');
	expect(driver.executions).toHaveLength(1);

	driver.setParameters({ events: ['ORDER_PAID', 'TRANSACTION_VOID'] });
	const resent = t.emu.paymentGateway.resendIpn(Number(voided()?.id));
	await t.emu.paymentGateway.waitForIpn(() => resent.status === 'success');
	expect(driver.executions).toHaveLength(2);
	expect(driver.executions[1].items[0].json).toMatchObject({
		notification_type: 'TRANSACTION_VOID',
		order: { order_invoice_number: invoice },
	});
});

it('RENEWAL_ORDER_PAID is accepted when chosen', async () => {
	driver.setParameters({ events: ['RENEWAL_ORDER_PAID'] });
	const answer = await post(
		{
			timestamp: 1757058220,
			notification_type: 'RENEWAL_ORDER_PAID',
			order: { order_id: 'NPSETVI00101000042R', order_invoice_number: 'SUB_1' },
			transaction: { transaction_id: 'r1' },
			customer: null,
		},
		{ 'X-Secret-Key': t.emu.secrets.pgSecretKey },
	);
	expect(answer).toEqual({ status: 200, body: { success: true } });
	expect(driver.executions).toHaveLength(1);
});

it('Another Secret: verifies against the IPN secret typed in the node instead', async () => {
	driver.setParameters({
		events: ['ORDER_PAID'],
		secretSource: 'custom',
		ipnSecret: 'ipn-only-secret',
	});
	const body = {
		notification_type: 'ORDER_PAID',
		order: { order_id: 'SEPAY-1', order_invoice_number: 'C1' },
		transaction: { transaction_id: 't1' },
	};
	expect((await post(body, { 'X-Secret-Key': t.emu.secrets.pgSecretKey })).status).toBe(401);
	expect((await post(body, { 'X-Secret-Key': 'ipn-only-secret' })).status).toBe(200);
	expect(driver.executions).toHaveLength(1);
});
