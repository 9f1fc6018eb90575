/** The emulator's Payment Gateway: checkout form checks, payment page, order API auth, IPN retries, void cut-off. */
import { createHmac } from 'node:crypto';

import { startEmulator } from '..';
import type { Emulator } from '..';
import { voidCutoffMs } from '../pgPayment';
import { formatVnTime, parseVnTime } from '../time';
import { call, startReceiver } from './helpers';

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ port: 0, seed: 11, retryMinuteMs: 10 });
});
afterAll(async () => emu.close());
beforeEach(() => emu.reset());

let n = 0;
function form(
	overrides: Record<string, string | undefined> = {},
	secret = emu.secrets.pgSecretKey,
): Array<[string, string]> {
	const fields = Object.entries({
		merchant: emu.secrets.pgMerchantId,
		currency: 'VND',
		order_amount: '25000',
		operation: 'PURCHASE',
		order_description: 'Trà sữa',
		order_invoice_number: `EMU_${++n}`,
		success_url: 'https://shop.example.vn/ok',
		...overrides,
	}).filter((entry): entry is [string, string] => entry[1] !== undefined);
	return sign(fields, secret);
}

function sign(
	fields: Array<[string, string]>,
	secret = emu.secrets.pgSecretKey,
): Array<[string, string]> {
	const signature = createHmac('sha256', secret)
		.update(fields.map(([k, v]) => `${k}=${v}`).join(','), 'utf8')
		.digest('base64');
	return [...fields, ['signature', signature]];
}

async function init(
	fields: Array<[string, string]>,
	contentType = 'application/x-www-form-urlencoded',
) {
	const res = await fetch(`${emu.baseUrl}/v1/checkout/init`, {
		method: 'POST',
		headers: { 'Content-Type': contentType },
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	});
	return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

describe('checkout form', () => {
	it('valid form (any posted order of the signed fields): 302 to the payment page; the Pay button pays and redirects to success_url', async () => {
		const fields = form().slice(0, -1);
		const started = await init(
			sign([fields[3], fields[0], fields[5], fields[1], fields[2], fields[4], fields[6]]),
		);
		expect(started.status).toBe(302);
		const page = await call(emu.baseUrl, 'GET', new URL(String(started.location)).pathname);
		expect(page.text).toContain('25.000 VND');
		expect(page.text).toContain('AUTHENTICATION_NOT_NEEDED');
		const paid = await call(
			emu.baseUrl,
			'POST',
			`${new URL(String(started.location)).pathname}/complete`,
			{ redirect: 'manual' },
		);
		expect([paid.status, paid.headers.get('location')]).toEqual([
			302,
			'https://shop.example.vn/ok',
		]);
		expect(emu.paymentGateway.order(`EMU_${n}`)?.order_status).toBe('CAPTURED');
	});

	it.each([
		['a wrong signature', () => form({}, 'not-the-secret'), 'Invalid signature'],
		[
			'a reordered form whose signature was made over another order',
			() => {
				const f = form();
				return [f[1], f[0], ...f.slice(2)];
			},
			'Invalid signature',
		],
		['an unknown merchant', () => form({ merchant: 'SP-TEST-OTHER' }), 'Unknown merchant'],
		[
			'no description',
			() => form({ order_description: undefined }),
			'order_description is required',
		],
		['amount 0', () => form({ order_amount: '0' }), 'order_amount must be a positive integer'],
		[
			'amount with decimals',
			() => form({ order_amount: '10.5' }),
			'order_amount must be a positive integer',
		],
		[
			'a 101-character invoice number',
			() => form({ order_invoice_number: 'A'.repeat(101) }),
			'order_invoice_number must be',
		],
		['currency USD', () => form({ currency: 'USD' }), 'currency must be VND'],
		[
			'a relative success_url',
			() => form({ success_url: '/ok' }),
			'success_url must be an absolute URL',
		],
	])('refuses %s with a 400 page', async (_name, make, message) => {
		const answer = await init(make());
		expect(answer.status).toBe(400);
		expect(answer.text).toContain(message);
	});

	it('refuses a duplicate invoice number and a JSON post', async () => {
		const fields = form({ order_invoice_number: 'DUP_1' });
		expect((await init(fields)).status).toBe(302);
		expect((await init(fields)).text).toContain('already exists');
		const json = await fetch(`${emu.baseUrl}/v1/checkout/init`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(Object.fromEntries(form())),
		});
		expect([json.status, await json.text()]).toEqual([
			400,
			expect.stringContaining('HTML form POST'),
		]);
	});
});

describe('order API', () => {
	it('needs Basic merchant:secret', async () => {
		const wrong = await call(emu.baseUrl, 'GET', '/v1/order', {
			headers: {
				Authorization: `Basic ${Buffer.from(`${emu.secrets.pgMerchantId}:x`).toString('base64')}`,
			},
		});
		expect([wrong.status, wrong.json]).toEqual([
			401,
			{ message: 'Unauthorized: check merchant_id and secret_key', error_code: 'unauthorized' },
		]);
	});
});

describe('IPN', () => {
	it('retries on the Fibonacci schedule until the receiver answers 2xx, with X-Secret-Key on every attempt', async () => {
		const receiver = await startReceiver((_req, count) =>
			count < 3 ? { status: 500, body: 'busy' } : { status: 200, body: '{"success":true}' },
		);
		try {
			emu.paymentGateway.setIpn(receiver.url);
			await init(form({ order_invoice_number: 'RETRY_1' }));
			const { ipn } = emu.paymentGateway.pay('RETRY_1');
			await emu.paymentGateway.waitForIpn(() => ipn?.status === 'success');
			expect(ipn?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
			expect(receiver.received.map((r) => r.headers['x-secret-key'])).toEqual(
				Array(3).fill(emu.secrets.pgSecretKey),
			);
			expect(JSON.parse(receiver.received[0].body)).toMatchObject({
				notification_type: 'ORDER_PAID',
				order: { order_invoice_number: 'RETRY_1' },
			});
		} finally {
			await receiver.close();
		}
	});

	it('gives up after 8 attempts; auth type NONE sends no X-Secret-Key', async () => {
		const receiver = await startReceiver(() => ({ status: 404, body: '' }));
		try {
			emu.paymentGateway.setIpn(receiver.url, 'NONE');
			await init(form({ order_invoice_number: 'FAIL_1' }));
			const { ipn } = emu.paymentGateway.pay('FAIL_1');
			await emu.paymentGateway.waitForIpn(() => ipn?.status === 'failed', 30_000);
			expect(ipn?.attempts).toHaveLength(8);
			expect(receiver.received.every((r) => r.headers['x-secret-key'] === undefined)).toBe(true);
		} finally {
			await receiver.close();
		}
	});
});

describe('void cut-off (UNCONFIRMED reading of PG-VOID)', () => {
	it.each([
		['2026-01-07 10:00:00', '2026-01-07 16:00:00'],
		['2026-01-07 16:00:01', '2026-01-08 16:00:00'],
		['2026-01-09 17:00:00', '2026-01-12 16:00:00'],
		['2026-01-10 09:00:00', '2026-01-12 16:00:00'],
	])('paid %s → voidable until %s', (paid, cutoff) => {
		expect(formatVnTime(voidCutoffMs(parseVnTime(paid) as number))).toBe(cutoff);
	});
});
