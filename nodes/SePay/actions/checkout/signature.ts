import { createHmac } from 'crypto';

/**
 * The fields SePay's checkout signature covers, in the order this package posts and signs them.
 *
 * UNCONFIRMED (reference U2/U2b): SePay documents two different orders and its two SDKs use two
 * more; each SDK signs in the order it posts. This is the Vietnamese docs' fixed order, so a server
 * that signs in posted order and one that signs in the documented order both agree with us.
 * Empty values are left out entirely (not posted, not signed). `custom_data` is not signed.
 */
export const SIGNED_FIELDS = [
	'order_amount',
	'merchant',
	'currency',
	'operation',
	'order_description',
	'order_invoice_number',
	'customer_id',
	'payment_method',
	'success_url',
	'error_url',
	'cancel_url',
] as const;

export type SignedField = (typeof SIGNED_FIELDS)[number];

/** The fields to post, in posting order, with empty ones dropped; values as raw strings. */
export function orderedSignedFields(
	values: Partial<Record<SignedField, string | number | undefined>>,
): Array<[SignedField, string]> {
	const fields: Array<[SignedField, string]> = [];
	for (const name of SIGNED_FIELDS) {
		const value = values[name];
		if (value === undefined || value === null || String(value) === '') continue;
		fields.push([name, String(value)]);
	}
	return fields;
}

/**
 * SePay's checkout signature: Base64 of HMAC-SHA256(secret key, "name=value" pairs joined by ","),
 * over the raw UTF-8 values (nothing URL-encoded), in the order given.
 */
export function checkoutSignature(
	fields: ReadonlyArray<readonly [string, string]>,
	secretKey: string,
): string {
	const signed = fields.map(([name, value]) => `${name}=${value}`).join(',');
	return createHmac('sha256', secretKey).update(signed, 'utf8').digest('base64');
}
