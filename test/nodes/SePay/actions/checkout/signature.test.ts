/**
 * The checkout signature (nodes/SePay/actions/checkout/signature.ts) against SePay's official Node
 * SDK `sepay-pg-node` (dev dependency) on generated inputs, the reference's worked examples, and
 * the emulator's verifier (which must accept what the SDK posts, in the SDK's own order).
 */
import { SePayPgClient } from 'sepay-pg-node';

import {
	checkoutSignature,
	orderedSignedFields,
	SIGNED_FIELDS,
} from '../../../../../nodes/SePay/actions/checkout/signature';
import { signatureMatches } from '../../../../../emulator/pgSignature';
import { Prng } from '../../../../../emulator/prng';

const SECRET = 'spsk_test_3f9a0c1b2d4e5f60718293a4b5c6d7e8';
const sdk = new SePayPgClient({
	env: 'sandbox',
	merchant_id: 'SP-TEST-AB12CD3',
	secret_key: SECRET,
});

const TEXTS = [
	'Thanh toán đơn hàng #12345',
	'Đặt cọc phòng 302 – Khách sạn Hạ Long',
	'Phở bò tái, nước mắm, ớt: 2 tô',
	'Payment for order #12345',
	'a,b=c;d&e?f/g',
	'  leading and trailing  ',
	'Emoji 🎉 và dấu ngã ẽ',
	'',
];

function maybe(prng: Prng, value: string): string | undefined {
	const roll = prng.next();
	return roll < 0.25 ? undefined : roll < 0.4 ? '' : value;
}

function generated(seed: number): Record<string, string | undefined> {
	const prng = new Prng(seed);
	return {
		order_amount: String(prng.int(1, 50_000_000)),
		merchant: 'SP-TEST-AB12CD3',
		currency: 'VND',
		operation: 'PURCHASE',
		order_description: prng.pick(TEXTS.filter(Boolean)),
		order_invoice_number: `INV_${seed}-${Math.floor(prng.next() * 1e6)}`,
		customer_id: maybe(prng, prng.pick(['CUST_001', 'khách-07', '42'])),
		payment_method: maybe(prng, prng.pick(['CARD', 'BANK_TRANSFER', 'NAPAS_BANK_TRANSFER'])),
		success_url: maybe(prng, 'https://shop.example.vn/thanh-toan/thanh-cong?don=1&lang=vi'),
		error_url: maybe(prng, 'https://shop.example.vn/payment/error'),
		cancel_url: maybe(prng, 'http://127.0.0.1:5678/webhook/cancel#x'),
	};
}

describe('against sepay-pg-node', () => {
	it.each(Array.from({ length: 300 }, (_, i) => i + 1))(
		'generated input %i: same signature as the SDK over our posted fields',
		(seed) => {
			const values = generated(seed);
			const fields = orderedSignedFields(values);
			const customData =
				seed % 3 === 0 ? JSON.stringify({ cart: [seed], note: 'giao hàng nhanh' }) : undefined;
			// The SDK signs its object's keys in insertion order: give it our fields in our order.
			const sdkInput: Record<string, unknown> = Object.fromEntries(fields);
			if (customData) sdkInput.custom_data = customData;
			const sdkSigned = sdk.checkout.signFields(sdkInput as never);
			expect(checkoutSignature(fields, SECRET)).toBe(sdkSigned);
			// Empty optional fields are neither posted nor signed.
			expect(fields.map(([name]) => name)).toEqual(
				SIGNED_FIELDS.filter((name) => values[name] !== undefined && values[name] !== ''),
			);
		},
	);

	it('the SDK form (its own field order, custom_data included) passes the emulator, and ours in our order too', () => {
		for (let seed = 1; seed <= 50; seed++) {
			const values = generated(seed);
			const sdkFields = sdk.checkout.initOneTimePaymentFields({
				order_invoice_number: String(values.order_invoice_number),
				order_amount: Number(values.order_amount),
				currency: 'VND',
				order_description: String(values.order_description),
				success_url: values.success_url || undefined,
				custom_data: seed % 2 ? 'mã-đơn-7' : undefined,
			} as never) as unknown as Record<string, unknown>;
			const posted = Object.entries(sdkFields)
				.filter(([, v]) => v !== undefined)
				.map(([k, v]) => [k, String(v)] as [string, string]);
			expect(signatureMatches(posted, SECRET)).toBe(true);
			const ours = orderedSignedFields(values);
			expect(
				signatureMatches([...ours, ['signature', checkoutSignature(ours, SECRET)]], SECRET),
			).toBe(true);
			expect(
				signatureMatches([...ours, ['signature', checkoutSignature(ours, `${SECRET}x`)]], SECRET),
			).toBe(false);
		}
	});
});

describe("the reference's worked examples (A.4, key test_secret_key)", () => {
	const examples: Array<[string, string]> = [
		[
			'order_amount=100000,merchant=MERCHANT_123,currency=VND,operation=PURCHASE,order_description=Thanh toán đơn hàng #12345,order_invoice_number=INV_20231201_001,success_url=https://yoursite.com/payment/success,error_url=https://yoursite.com/payment/error,cancel_url=https://yoursite.com/payment/cancel',
			'oqRSDHYsheTaTyz9HLzjMW36r5y70ok2PA27+3QdSgg=',
		],
		[
			'order_amount=100000,merchant=MERCHANT_123,currency=VND,operation=PURCHASE,order_description=Payment for order #12345,order_invoice_number=INV_20231201_001,success_url=https://yoursite.com/payment/success,error_url=https://yoursite.com/payment/error,cancel_url=https://yoursite.com/payment/cancel',
			'IWy0+fg24yiv/aMWT+2QofVeGZuToN9Fs6/hSgRVk9w=',
		],
		[
			'merchant=MERCHANT_123,operation=PURCHASE,order_amount=100000,currency=VND,order_invoice_number=INV_20231201_001,order_description=Payment for order #12345,customer_id=CUST_001,success_url=https://yoursite.com/success,error_url=https://yoursite.com/error,cancel_url=https://yoursite.com/cancel',
			'2VhL4T0ZvIYMeoNzCg0u8NDaNksS3qZWebhDDcbMd2s=',
		],
		[
			'operation=PURCHASE,order_invoice_number=DH0001,order_amount=10000,currency=VND,success_url=https://example.com/order/DH0001,order_description=Thanh toan don hang DH0001,merchant=SP-TEST-XXXXXXX',
			'r48xuCPT5BXOwm9azDONUO/yuC/gn3JM+iR5a+MwgZg=',
		],
		[
			'merchant=TEST_MERCHANT,currency=VND,order_amount=100000,operation=PURCHASE,order_description=Test order,order_invoice_number=INV_001,customer_id=customer_001',
			'Oxk6CXJUMe6nOgr/wrWmg3ZF5/zlvLZGzysNP5m4BX4=',
		],
	];

	it.each(examples.map((example, i) => [i + 1, ...example]))('example %i', (_n, text, expected) => {
		const fields = String(text)
			.split(/,(?=[a-z_]+=)/)
			.map(
				(pair) =>
					[pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as [string, string],
			);
		expect(checkoutSignature(fields, 'test_secret_key')).toBe(expected);
	});

	it('example 1 from named values: our fixed order reproduces the Vietnamese docs string', () => {
		const fields = orderedSignedFields({
			cancel_url: 'https://yoursite.com/payment/cancel',
			order_invoice_number: 'INV_20231201_001',
			merchant: 'MERCHANT_123',
			success_url: 'https://yoursite.com/payment/success',
			order_amount: 100000,
			operation: 'PURCHASE',
			currency: 'VND',
			error_url: 'https://yoursite.com/payment/error',
			order_description: 'Thanh toán đơn hàng #12345',
			customer_id: '',
		});
		expect(checkoutSignature(fields, 'test_secret_key')).toBe(
			'oqRSDHYsheTaTyz9HLzjMW36r5y70ok2PA27+3QdSgg=',
		);
	});
});
