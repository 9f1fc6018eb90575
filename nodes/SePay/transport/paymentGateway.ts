import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { customRoot } from './baseUrl';
import { PAYMENT_GATEWAY_CREDENTIAL_TYPE } from './credentialTypes';
import { perPageItems } from './pagination';
import type { PageOptions } from './pagination';
import { send } from './request';
import type { SePayRequest } from './request';
import type { SePayContext } from './send';

/** SePay Payment Gateway hosts (reference §1): the order API and the browser's checkout form target. */
const API_ROOTS: Record<string, string> = {
	production: 'https://pgapi.sepay.vn/v1',
	sandbox: 'https://pgapi-sandbox.sepay.vn/v1',
};

/**
 * UNCONFIRMED (U1): SePay's pages give four checkout URLs; both SDKs, the go-live step and a
 * third-party report agree on pay[-sandbox].sepay.vn/v1/checkout/init, used here.
 */
const CHECKOUT_URLS: Record<string, string> = {
	production: 'https://pay.sepay.vn/v1/checkout/init',
	sandbox: 'https://pay-sandbox.sepay.vn/v1/checkout/init',
};

export function paymentGatewayApiRoot(credentials: ICredentialDataDecryptedObject): string {
	const custom = customRoot(credentials);
	if (custom !== undefined) return `${custom}/v1`;
	return API_ROOTS[String(credentials.environment)] ?? API_ROOTS.production;
}

export function checkoutUrl(credentials: ICredentialDataDecryptedObject): string {
	const custom = customRoot(credentials);
	if (custom !== undefined) return `${custom}/v1/checkout/init`;
	return CHECKOUT_URLS[String(credentials.environment)] ?? CHECKOUT_URLS.production;
}

export async function paymentGatewayCredentials(
	context: SePayContext,
): Promise<ICredentialDataDecryptedObject> {
	return await context.getCredentials(PAYMENT_GATEWAY_CREDENTIAL_TYPE);
}

/** A call to the Payment Gateway order API (Basic merchant ID : secret key); the whole body back. */
export async function paymentGatewayApiRequest(
	this: SePayContext,
	request: SePayRequest,
): Promise<IDataObject> {
	const credentials = await paymentGatewayCredentials(this);
	return await send(
		this,
		PAYMENT_GATEWAY_CREDENTIAL_TYPE,
		'paymentGateway',
		paymentGatewayApiRoot(credentials),
		credentials,
		request,
	);
}

/** Every order (or `limit` of them) of a Payment Gateway list, page by page (`page`, `per_page` ≤ 100). */
export async function paymentGatewayApiRequestAllItems(
	this: SePayContext,
	request: SePayRequest,
	options: PageOptions,
): Promise<IDataObject[]> {
	return await perPageItems(
		async (r) => await paymentGatewayApiRequest.call(this, r),
		request,
		options,
	);
}
