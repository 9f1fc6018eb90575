/**
 * How the emulator checks a checkout form's signature (reference A.3): HMAC-SHA256 with the secret
 * key over "name=value" of the signed fields *in the order they were posted*, joined by ",",
 * Base64. UNCONFIRMED (U2/U2b): SePay documents no server rule; posted order is the one rule both
 * official SDKs satisfy. The signed set is the docs' 11 fields plus the SDKs' extras.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const PG_SIGNED_FIELDS = new Set([
	'merchant',
	'env',
	'operation',
	'payment_method',
	'order_id',
	'order_amount',
	'currency',
	'order_invoice_number',
	'order_description',
	'customer_id',
	'agreement_id',
	'agreement_name',
	'agreement_type',
	'agreement_payment_frequency',
	'agreement_amount_per_payment',
	'success_url',
	'error_url',
	'cancel_url',
]);

/** The posted fields as [name, value] pairs in body order (URLSearchParams keeps it). */
export function postedFields(rawBody: string): Array<[string, string]> {
	return [...new URLSearchParams(rawBody).entries()];
}

export function expectedSignature(fields: Array<[string, string]>, secretKey: string): string {
	const signed = fields
		.filter(([name]) => PG_SIGNED_FIELDS.has(name))
		.map(([name, value]) => `${name}=${value}`);
	return createHmac('sha256', secretKey).update(signed.join(','), 'utf8').digest('base64');
}

export function signatureMatches(fields: Array<[string, string]>, secretKey: string): boolean {
	const given = Buffer.from(fields.find(([name]) => name === 'signature')?.[1] ?? '', 'utf8');
	const wanted = Buffer.from(expectedSignature(fields, secretKey), 'utf8');
	return given.length === wanted.length && timingSafeEqual(given, wanted);
}
