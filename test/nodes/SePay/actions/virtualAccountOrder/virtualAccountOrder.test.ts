/**
 * Virtual Account Order (API v2, API token) against the emulator, and how its payment reaches the
 * SePay Trigger: the ordinary bank transaction with the order code as payment code and the VA
 * number as sub-account, matched by the trigger's existing filters.
 */
import type { NodeOperationError } from 'n8n-workflow';

import { SePay } from '../../../../../nodes/SePay/SePay.node';
import { SePayTrigger } from '../../../../../nodes/SePay/SePayTrigger.node';
import { runLoadOptions } from '../../../../../harness';
import { jsonOf, startNodeTest } from '../../setup';
import type { NodeTestContext } from '../../setup';
import { serveWebhook } from '../../trigger/support/driver';

let t: NodeTestContext;
let vcb: string;
let bidv: string;
beforeAll(async () => {
	t = await startNodeTest({ retryMinuteMs: 20 });
	vcb = t.emu.state.accounts.find((a) => a.bank.short_name === 'Vietcombank')?.uuid as string;
	bidv = t.emu.state.accounts.find((a) => a.bank.short_name === 'BIDV')?.uuid as string;
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

const account = (uuid: string) => ({ __rl: true, mode: 'id', value: uuid });
const va = (operation: string, bankAccount: string, extra: Record<string, unknown> = {}) => ({
	resource: 'virtualAccountOrder',
	operation,
	bankAccount: account(bankAccount),
	...extra,
});

it('lists the Vietcombank terminals as options (value = TID), and none for other banks', async () => {
	const options = await runLoadOptions({
		node: new SePay(),
		method: 'getVaTerminals',
		parameters: va('create', vcb, { bank: 'vietcombank', authentication: 'apiToken' }),
		store: t.store,
	});
	expect(options).toEqual([
		{ name: 'POS counter 1 (20933557)', value: '20933557' },
		{ name: 'Website (20933558)', value: '20933558' },
	]);
	const failed = await runLoadOptions({
		node: new SePay(),
		method: 'getVaPrefixes',
		parameters: va('create', vcb, { bank: 'sacombank', authentication: 'apiToken' }),
		store: t.store,
	}).catch((e: Error) => e);
	expect(String((failed as Error).message)).toContain('422');
});

it('Vietcombank: creates with terminal, amount, duration and QR; the body holds exactly those fields', async () => {
	const result = await t.run(
		'apiToken',
		va('create', vcb, {
			bank: 'vietcombank',
			tid: '20933557',
			vaOrderAmount: 100000,
			vaOrderFields: { orderCode: 'ORDER001', duration: 900 },
		}),
	);
	const [order] = jsonOf(result);
	expect(order).toMatchObject({
		order_code: 'ORDER001',
		amount: 100000,
		status: 'Pending',
		bank_name: 'Vietcombank',
	});
	expect(String(order.qr_code_url)).toContain(`acc=${order.va_number}`);
	const [request] = t.apiRequests();
	expect(request.body).toEqual({
		tid: '20933557',
		order_code: 'ORDER001',
		amount: 100000,
		duration: 900,
		with_qrcode: '1',
	});
});

describe('bad input is refused before any request, naming the field', () => {
	it.each([
		['Vietcombank without amount', { bank: 'vietcombank', tid: '20933557' }, 'Amount'],
		[
			'Vietcombank order code over 15',
			{
				bank: 'vietcombank',
				tid: '20933557',
				vaOrderAmount: 1000,
				vaOrderFields: { orderCode: 'A'.repeat(16) },
			},
			'Additional Fields → Order Code',
		],
		[
			'a terminal xid instead of the TID',
			{ bank: 'vietcombank', tid: '7d0c4f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', vaOrderAmount: 1000 },
			'Terminal Name or ID',
		],
		[
			'Sacombank with a bad prefix',
			{ bank: 'sacombank', vaPrefix: 'SEP 2000', vaOrderAmount: 1000 },
			'VA Prefix Name or ID',
		],
		['negative amount', { bank: 'bidv', vaOrderAmount: -1 }, 'Amount'],
		[
			'holder name with diacritics',
			{ bank: 'bidv', vaOrderFields: { vaHolderName: 'Nguyễn Văn A' } },
			'Additional Fields → VA Holder Name',
		],
		[
			'short order code',
			{ bank: 'bidv', vaOrderFields: { orderCode: 'DH1' } },
			'Additional Fields → Order Code',
		],
	])('%s', async (_name, extra, field) => {
		const error = (await t
			.run('apiToken', va('create', vcb, extra))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toContain(`Invalid value for "${field}"`);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('OAuth2 is refused with a clear message', async () => {
		const error = (await t
			.run('oAuth2', va('get', bidv, { orderId: 'b2c3d4e5-f6a7-8901-bcde-f12345678902' }))
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('Virtual Account Order needs API Token authentication');
	});
});

it('SePay errors pass through: a terminal of another account is 422 invalid_tid', async () => {
	const error = (await t
		.run(
			'apiToken',
			va('create', vcb, { bank: 'vietcombank', tid: '99999999', vaOrderAmount: 1000 }),
		)
		.catch((e: unknown) => e)) as Error;
	expect(error.message).toContain('invalid_tid');
});

describe('BIDV order paid in two parts, reaching the SePay Trigger once per payment with the order code', () => {
	it('create → add VA → pay both → Paid; the trigger filtered on the order code and VA number runs for it', async () => {
		const driver = await serveWebhook({
			node: new SePayTrigger(),
			parameters: {
				registration: 'manual',
				verification: 'apiKey',
				apiKey: 'va-order-key-123456',
				direction: 'in',
				filters: { paymentCodePrefix: 'DH20250001' },
			},
			store: t.store,
		});
		try {
			t.emu.registerWebhook({
				webhook_url: driver.url,
				event_type: 'In_only',
				authen_type: 'Api_Key',
				api_key: 'va-order-key-123456',
			});
			const created = jsonOf(
				await t.run(
					'apiToken',
					va('create', bidv, {
						bank: 'bidv',
						vaOrderAmount: 500000,
						vaOrderFields: {
							orderCode: 'DH20250001',
							vaHolderName: 'CONG TY CP TECH VINA',
							duration: 600,
						},
					}),
				),
			)[0];
			expect(created).toMatchObject({
				order_code: 'DH20250001',
				va_holder_name: 'CONG TY CP TECH VINA',
				status: 'Pending',
			});
			const orderId = String(created.id);

			const added = jsonOf(
				await t.run(
					'apiToken',
					va('addVirtualAccount', bidv, { orderId, vaFields: { amount: 200000 } }),
				),
			)[0];
			expect(added).toMatchObject({ order_id: orderId, amount: 200000, status: 'Unpaid' });

			const first = t.emu.paymentGateway.payVaOrder(orderId, {
				vaNumber: String(added.va_number),
				amount: 200000,
			});
			expect(first.deliveries).toHaveLength(1);
			await t.emu.waitForDeliveries((all) => all.every((d) => d.status === 'success'));
			expect(jsonOf(await t.run('apiToken', va('get', bidv, { orderId })))[0]).toMatchObject({
				status: 'Partially',
				paid_amount: 200000,
			});

			const second = t.emu.paymentGateway.payVaOrder(orderId, {
				vaNumber: String(created.va_number),
				amount: 300000,
			});
			await t.emu.waitForDeliveries(
				(all) => all.length >= 2 && all.every((d) => d.status === 'success'),
			);
			expect(jsonOf(await t.run('apiToken', va('get', bidv, { orderId })))[0]).toMatchObject({
				status: 'Paid',
				paid_amount: 500000,
			});

			// An unrelated payment to the same account does not start the workflow.
			t.emu.simulateTransaction({
				bankAccountId: second.transaction.bankAccountId,
				amount: 1000,
				content: 'DH99999999 khac',
			});
			await t.emu.waitForDeliveries(
				(all) => all.length >= 3 && all.every((d) => d.status === 'success'),
			);

			expect(
				driver.executions.map((e) => [
					e.items[0].json.paymentCode,
					e.items[0].json.subAccount,
					e.items[0].json.amount,
				]),
			).toEqual([
				['DH20250001', added.va_number, 200000],
				['DH20250001', created.va_number, 300000],
			]);
		} finally {
			await driver.close();
		}
	});

	it('filtering on the VA number (Bank Account Numbers) matches the payment too', async () => {
		const created = jsonOf(
			await t.run(
				'apiToken',
				va('create', bidv, {
					bank: 'bidv',
					vaOrderAmount: 70000,
					vaOrderFields: { orderCode: 'DH20250002' },
				}),
			),
		)[0];
		const driver = await serveWebhook({
			node: new SePayTrigger(),
			parameters: {
				registration: 'manual',
				verification: 'none',
				direction: 'in',
				filters: { accountNumbers: String(created.va_number) },
			},
			store: t.store,
		});
		try {
			t.emu.registerWebhook({
				webhook_url: driver.url,
				event_type: 'In_only',
				authen_type: 'No_Authen',
			});
			t.emu.paymentGateway.payVaOrder(String(created.id));
			await t.emu.waitForDeliveries(
				(all) =>
					all.filter((d) => d.url === driver.url).every((d) => d.status === 'success') &&
					all.some((d) => d.url === driver.url),
			);
			expect(driver.executions).toHaveLength(1);
			expect(driver.executions[0].items[0].json).toMatchObject({
				paymentCode: 'DH20250002',
				subAccount: created.va_number,
			});
		} finally {
			await driver.close();
		}
	});
});

it('Get Many (sorted, Return All), Cancel Virtual Account, Cancel', async () => {
	const created = jsonOf(
		await t.run(
			'apiToken',
			va('create', bidv, {
				bank: 'bidv',
				vaOrderAmount: 90000,
				vaOrderFields: { orderCode: 'DH20250003' },
			}),
		),
	)[0];
	const orderId = String(created.id);
	const list = jsonOf(
		await t.run(
			'apiToken',
			va('getAll', bidv, { returnAll: true, vaOrderSort: 'amount_sort:asc' }),
		),
	);
	expect(list.map((o) => o.amount)).toEqual(
		[...list.map((o) => o.amount)].sort((a, b) => Number(a) - Number(b)),
	);
	expect(t.apiRequests().at(-1)?.query).toMatchObject({
		amount_sort: 'asc',
		page: '1',
		per_page: '100',
	});

	expect(
		jsonOf(
			await t.run(
				'apiToken',
				va('cancelVirtualAccount', bidv, { orderId, vaNumber: created.va_number }),
			),
		)[0],
	).toEqual({ order_id: orderId, va_number: created.va_number, cancelled: true });
	expect(jsonOf(await t.run('apiToken', va('cancel', bidv, { orderId })))[0]).toEqual({
		id: orderId,
		cancelled: true,
	});
	const again = (await t
		.run('apiToken', va('cancel', bidv, { orderId }))
		.catch((e: unknown) => e)) as Error;
	expect(again.message).toContain('invalid_state');
});
