/**
 * SePay Payment Gateway and VA orders in a running n8n:
 * - a payment link: Webhook → SePay Checkout → Respond to Webhook serves the self-submitting page;
 *   the page's form is posted to the emulator's checkout (as the browser would), the emulator
 *   completes the payment, the IPN starts the Payment Gateway Trigger exactly once, and Order → Get
 *   (through another webhook workflow) shows it CAPTURED; forged IPNs get 401 and start nothing;
 * - a VA order created through n8n, paid in the emulator, its bank transaction reaching the SePay
 *   Trigger (filtered on the order code) once.
 */
import { assert } from '../assert';
import type { CredentialJson } from '../n8n-instance';
import { nodeItems } from '../run-data';
import type { E2ESuite, LiveContext } from '../suite';
import { credentialRef } from '../demo-credentials';
import { chain, node, ourType } from '../workflow-json';

const PG_CREDENTIAL = {
	type: 'sePayPaymentGatewayApi',
	id: 'e2ePgCredential01',
	name: 'SePay Payment Gateway (emulator)',
};
const pgRef = { [PG_CREDENTIAL.type]: { id: PG_CREDENTIAL.id, name: PG_CREDENTIAL.name } };

const LINK_WORKFLOW = 'e2ePgPayLink0001';
const ORDER_WORKFLOW = 'e2ePgOrderGet001';
const IPN_WORKFLOW = 'e2ePgIpnTrigger1';
const VA_CREATE_WORKFLOW = 'e2eVaOrderMake01';
const VA_TRIGGER_WORKFLOW = 'e2eVaOrderPaid01';
const IPN_WEBHOOK_ID = 'sepay-e2e-pg-ipn-0001';
const VA_TRIGGER_WEBHOOK_ID = 'sepay-e2e-va-trigger-0001';
const VA_API_KEY = 'e2e-va-order-key-7c1e9a3b5d';
const ORDER_CODE = 'DHE2E0001';

const html = { 'Content-Type': 'text/html; charset=utf-8' };

/** Webhook (GET, answered by Respond to Webhook) → nodes → Respond to Webhook. */
function webhookChain(
	id: string,
	name: string,
	path: string,
	middle: ReturnType<typeof node>[],
	respond: Record<string, unknown>,
) {
	return chain(id, name, [
		node(
			'Webhook',
			'n8n-nodes-base.webhook',
			{ httpMethod: 'GET', path, responseMode: 'responseNode', options: {} },
			{ typeVersion: 2, webhookId: `sepay-e2e-${path}` },
		),
		...middle,
		node('Respond', 'n8n-nodes-base.respondToWebhook', respond, { typeVersion: 1.1 }),
	]);
}

function hiddenInputs(page: string): Array<[string, string]> {
	const decode = (text: string) =>
		text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
	return [...page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
		decode(m[1]),
		decode(m[2]),
	]);
}

async function noNewExecution(ctx: LiveContext, workflowId: string, before: number): Promise<void> {
	// An execution would be saved right after the answer; give it time to show up.
	await new Promise((r) => setTimeout(r, 2000));
	assert.equal(
		(await ctx.executions(workflowId)).length,
		before,
		'a refused request started the workflow',
	);
}

export const suite: E2ESuite = {
	name: 'payment-gateway',
	credentials: ({ emu }): CredentialJson[] => [
		{
			...PG_CREDENTIAL,
			data: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				requestsPerSecond: 100,
				merchantId: emu.secrets.pgMerchantId,
				secretKey: emu.secrets.pgSecretKey,
			},
		},
	],
	workflows: ({ emu }) => [
		webhookChain(
			LINK_WORKFLOW,
			'e2e: payment link (Webhook → SePay Checkout → Respond to Webhook)',
			'pg-pay',
			[
				node(
					'Checkout',
					ourType('sePay'),
					{
						resource: 'checkout',
						operation: 'create',
						authentication: 'paymentGatewayApi',
						orderAmount: '={{ $json.query.amount }}',
						invoiceNumber: '={{ $json.query.invoice }}',
						orderDescription: '=Thanh toán đơn {{ $json.query.invoice }}',
						additionalFields: { successUrl: 'https://shop.example.vn/cam-on' },
					},
					{ credentials: pgRef },
				),
			],
			{
				respondWith: 'text',
				responseBody: '={{ $json.html }}',
				options: {
					responseHeaders: { entries: [{ name: 'Content-Type', value: html['Content-Type'] }] },
				},
			},
		),
		webhookChain(
			ORDER_WORKFLOW,
			'e2e: order status (Webhook → SePay Order Get → Respond to Webhook)',
			'pg-order',
			[
				node(
					'Order',
					ourType('sePay'),
					{
						resource: 'paymentGatewayOrder',
						operation: 'get',
						authentication: 'paymentGatewayApi',
						invoiceNumber: '={{ $json.query.invoice }}',
					},
					{ credentials: pgRef },
				),
			],
			{ respondWith: 'firstIncomingItem', options: {} },
		),
		chain(IPN_WORKFLOW, 'e2e: Payment Gateway IPN', [
			node(
				'IPN',
				ourType('sePayPaymentGatewayTrigger'),
				{ events: ['ORDER_PAID'], options: {} },
				{ webhookId: IPN_WEBHOOK_ID, credentials: pgRef },
			),
			node('Fulfil', 'n8n-nodes-base.noOp'),
		]),
		webhookChain(
			VA_CREATE_WORKFLOW,
			'e2e: VA order (Webhook → SePay Virtual Account Order Create → Respond to Webhook)',
			'va-order',
			[
				node(
					'VA Order',
					ourType('sePay'),
					{
						resource: 'virtualAccountOrder',
						operation: 'create',
						authentication: 'apiToken',
						bankAccount: {
							__rl: true,
							mode: 'id',
							value: emu.state.accounts.find((a) => a.bank.code === 'BIDV')?.uuid,
						},
						bank: 'bidv',
						vaOrderAmount: 250000,
						vaOrderFields: { orderCode: ORDER_CODE, duration: 900 },
					},
					{ credentials: credentialRef('apiToken') },
				),
			],
			{ respondWith: 'firstIncomingItem', options: {} },
		),
		chain(VA_TRIGGER_WORKFLOW, 'e2e: VA order paid reaches the SePay Trigger', [
			node(
				'SePay Trigger',
				ourType('sePayTrigger'),
				{
					registration: 'manual',
					verification: 'apiKey',
					apiKey: VA_API_KEY,
					direction: 'in',
					filters: { paymentCodePrefix: ORDER_CODE },
					options: {},
				},
				{ webhookId: VA_TRIGGER_WEBHOOK_ID },
			),
			node('Mark Paid', 'n8n-nodes-base.noOp'),
		]),
	],
	publish: [LINK_WORKFLOW, ORDER_WORKFLOW, IPN_WORKFLOW, VA_CREATE_WORKFLOW, VA_TRIGGER_WORKFLOW],

	async live(ctx) {
		const { emu, n8n } = ctx;
		const ipnUrl = `${n8n.baseUrl}/webhook/${IPN_WEBHOOK_ID}/ipn`;
		const invoice = 'E2E_PG_0001';
		let genuine: Record<string, unknown> = {};

		await ctx.test('the webhooks are live after start', async () => {
			assert.equal(
				await n8n.waitForWebhook(`/webhook/${IPN_WEBHOOK_ID}/ipn`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				}),
				401,
			);
			assert.equal(
				(await n8n.waitForWebhook('/webhook/pg-order?invoice=NONE_1', { method: 'GET' })) >= 200,
				true,
			);
		});

		await ctx.test(
			'payment link: n8n serves the self-submitting checkout page, the emulator accepts its form',
			async () => {
				emu.paymentGateway.setIpn(ipnUrl);
				const page = await fetch(`${n8n.baseUrl}/webhook/pg-pay?amount=150000&invoice=${invoice}`);
				assert.equal(page.status, 200);
				assert.ok(
					String(page.headers.get('content-type')).startsWith('text/html'),
					`content-type ${page.headers.get('content-type')}`,
				);
				const text = await page.text();
				assert.ok(
					text.includes(`action="${emu.baseUrl}/v1/checkout/init"`),
					'the page does not post to the checkout',
				);
				assert.ok(text.includes('.submit()'), 'the page does not submit itself');
				const fields = hiddenInputs(text);
				assert.deepEqual(fields.map(([name]) => name).at(-1), 'signature');
				const posted = await fetch(`${emu.baseUrl}/v1/checkout/init`, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams(fields).toString(),
					redirect: 'manual',
				});
				assert.equal(
					posted.status,
					302,
					`checkout answered ${posted.status}: ${await posted.text()}`,
				);
				const paymentPage = await fetch(String(posted.headers.get('location')));
				assert.ok(
					(await paymentPage.text()).includes(`Thanh toán đơn ${invoice}`),
					'the payment page does not show the order',
				);
			},
		);

		await ctx.test(
			'the emulator completes the payment → the IPN starts exactly one execution',
			async () => {
				const { ipn } = emu.paymentGateway.pay(invoice);
				assert.ok(ipn, 'no IPN was sent');
				await emu.paymentGateway.waitForIpn(
					() => ipn.status === 'success' || ipn.status === 'retrying',
					30_000,
				);
				const attempt = ipn.attempts[0];
				assert.equal(
					attempt.status,
					200,
					`IPN answered ${attempt.status} ${attempt.body ?? attempt.error ?? ''}`,
				);
				assert.deepEqual(JSON.parse(attempt.body ?? 'null'), { success: true });
				genuine = ipn.payload;
				const resent = emu.paymentGateway.resendIpn(ipn.id);
				await emu.paymentGateway.waitForIpn(() => resent.status === 'success', 30_000);
				const executions = await ctx.waitForExecutions(IPN_WORKFLOW, 1);
				await new Promise((r) => setTimeout(r, 2000));
				assert.equal(
					(await ctx.executions(IPN_WORKFLOW)).length,
					1,
					'the repeated IPN started a second execution',
				);
				const [item] = nodeItems(executions[0], 'IPN');
				assert.equal(item.notification_type, 'ORDER_PAID');
				assert.equal((item.order as Record<string, unknown>).order_invoice_number, invoice);
				assert.equal(nodeItems(executions[0], 'Fulfil').length, 1, 'the next node did not run');
			},
		);

		await ctx.test('Order → Get shows the order paid (CAPTURED)', async () => {
			const answer = await fetch(`${n8n.baseUrl}/webhook/pg-order?invoice=${invoice}`);
			const order = (await answer.json()) as Record<string, unknown>;
			assert.equal(order.order_status, 'CAPTURED');
			assert.equal(order.order_amount, '150000.00');
		});

		await ctx.test('forged IPNs (no key, wrong key) → 401, no execution', async () => {
			const before = (await ctx.executions(IPN_WORKFLOW)).length;
			const forged = {
				...genuine,
				transaction: { ...(genuine.transaction as object), transaction_id: 'forged-e2e' },
			};
			const attempts: Array<Record<string, string>> = [{}, { 'x-secret-key': 'guessed-secret' }];
			for (const headers of attempts) {
				const res = await fetch(ipnUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: JSON.stringify(forged),
				});
				assert.equal(res.status, 401);
			}
			await noNewExecution(ctx, IPN_WORKFLOW, before);
		});

		await ctx.test(
			'VA order: created through n8n, paid in the emulator, its transaction reaches the SePay Trigger once with the order code',
			async () => {
				emu.registerWebhook({
					webhook_url: `${n8n.baseUrl}/webhook/${VA_TRIGGER_WEBHOOK_ID}/webhook`,
					event_type: 'In_only',
					authen_type: 'Api_Key',
					api_key: VA_API_KEY,
					request_content_type: 'Json',
					bank_account_id: 0,
				});
				const created = (await (await fetch(`${n8n.baseUrl}/webhook/va-order`)).json()) as Record<
					string,
					unknown
				>;
				assert.equal(created.order_code, ORDER_CODE);
				assert.equal(created.status, 'Pending');
				// An unrelated payment first: filtered out by the trigger.
				const other = emu.simulateTransaction({ amount: 5000, content: 'DH00000001 khac' });
				await other.settled;
				const paid = emu.paymentGateway.payVaOrder(String(created.id));
				const [delivery] = await Promise.all(
					paid.deliveries.map(
						async (d) => (await emu.waitForDeliveries(() => d.status === 'success', 30_000), d),
					),
				);
				assert.equal(delivery.attempts[0].status, 200);
				const [execution] = await ctx.waitForExecutions(VA_TRIGGER_WORKFLOW, 1);
				await new Promise((r) => setTimeout(r, 2000));
				assert.equal(
					(await ctx.executions(VA_TRIGGER_WORKFLOW)).length,
					1,
					'more than one execution',
				);
				const [item] = nodeItems(execution, 'SePay Trigger');
				assert.equal(item.paymentCode, ORDER_CODE);
				assert.equal(item.subAccount, created.va_number);
				assert.equal(item.amount, 250000);
				assert.equal(emu.paymentGateway.vaOrder(String(created.id))?.status, 'Paid');
			},
		);
	},
};
