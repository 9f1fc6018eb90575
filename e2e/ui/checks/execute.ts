/**
 * Execute step on one operation per resource family, as a user would: Transaction → Get Many
 * (API token), E-Invoice → Create with the form's defaults for the first template (issue 12
 * item 2), Payment QR → Generate (no credential), Checkout (Payment Gateway) → Create with the
 * Payment Gateway credential.
 */
import { assert, type UiCheck } from '../check';
import {
	chooseCredential,
	chooseFirstOption,
	chooseOption,
	closeNdv,
	credentialSelected,
	executeStep,
	parameterInput,
} from '../editor';
import { addGetManyTransactions } from './resources';

const PAYMENT_GATEWAY = 'SePay Payment Gateway (emulator)';

export const executeSteps: UiCheck = {
	name: 'Execute step per resource family',
	async run(ctx) {
		const { page, shot } = ctx;
		await addGetManyTransactions(ctx);
		const transactions = await executeStep(page);
		assert(transactions === 50, `Transaction → Get Many gave ${transactions} items, expected 50`);
		await shot('execute-transactions');

		await chooseOption(page, 'resource', 'Payment QR');
		await chooseOption(page, 'operation', 'Generate');
		const ndv = page.getByTestId('ndv');
		for (const [name, value] of [
			['accountNumber', '0071000123456'],
			['bank', 'Vietcombank'],
			['amount', '50000'],
		] as const) {
			const input = parameterInput(page, name).locator('input').first();
			if (await input.isVisible().catch(() => false)) await input.fill(value);
		}
		const qr = await executeStep(page);
		assert(qr === 1, `Payment QR → Generate gave ${qr} items`);

		await chooseOption(page, 'resource', 'Checkout (Payment Gateway)');
		if ((await credentialSelected(page)) !== PAYMENT_GATEWAY)
			await chooseCredential(page, PAYMENT_GATEWAY);
		await chooseOption(page, 'operation', 'Create');
		for (const [name, value] of [
			['invoiceNumber', 'UI_CHECKOUT_1'],
			['orderAmount', '150000'],
			['orderDescription', 'Đơn hàng UI'],
		] as const) {
			const input = parameterInput(page, name).locator('input, textarea').first();
			await input.fill(value);
		}
		const checkout = await executeStep(page);
		assert(checkout === 1, `Checkout → Create gave ${checkout} items`);
		await shot('execute-checkout');

		await chooseOption(page, 'resource', 'E-Invoice');
		if ((await credentialSelected(page)) !== 'SePay eInvoice (emulator)') {
			await chooseCredential(page, 'SePay eInvoice (emulator)');
			// Lists loaded before the credential was chosen failed, as for any n8n node.
			ctx.takeErrors();
		}
		await chooseOption(page, 'operation', 'Create');
		await chooseFirstOption(page, 'providerAccountId');
		const firstTemplate = await chooseFirstOption(page, 'template');
		await ndv.getByText('Add Item', { exact: true }).click();
		await parameterInput(page, 'itemName').locator('input').first().fill('Dịch vụ tư vấn');
		const invoices = await executeStep(page);
		assert(
			invoices === 1,
			`E-Invoice → Create with defaults (template "${firstTemplate}") gave ${invoices} items`,
		);
		await shot('execute-invoice-create');
		await closeNdv(page);
		return `Transaction → Get Many: ${transactions} items; Payment QR → Generate: ${qr}; Checkout → Create: ${checkout}; E-Invoice → Create (template "${firstTemplate}", defaults): ${invoices}`;
	},
};
