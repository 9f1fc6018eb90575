import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { BankingAuthentication } from './credentialTypes';

/** SePay's published hosts; "custom" credentials give their own root (e.g. the local emulator). */
const BANKING_ROOTS: Record<BankingAuthentication, Record<string, string>> = {
	apiToken: {
		production: 'https://userapi.sepay.vn/v2',
		sandbox: 'https://userapi-sandbox.sepay.vn/v2',
	},
	oAuth2: {
		production: 'https://my.sepay.vn/api/v1',
	},
};

const BANKING_CUSTOM_SUFFIX: Record<BankingAuthentication, string> = {
	apiToken: '/v2',
	oAuth2: '/api/v1',
};

const EINVOICE_ROOTS: Record<string, string> = {
	production: 'https://einvoice-api.sepay.vn/v1',
	sandbox: 'https://einvoice-api-sandbox.sepay.vn/v1',
};

/** The credential's custom root without trailing slashes, or undefined when it is not custom. */
export function customRoot(credentials: ICredentialDataDecryptedObject): string | undefined {
	if (credentials.environment !== 'custom') return undefined;
	const root = String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]+/i.test(root)) {
		throw new Error(
			`The credential's Base URL "${root}" is not a valid URL: expected something like https://example.com or http://127.0.0.1:4010`,
		);
	}
	return root;
}

/** API root for the banking APIs: …/v2 for API tokens, …/api/v1 for OAuth2. */
export function bankingApiRoot(
	authentication: BankingAuthentication,
	credentials: ICredentialDataDecryptedObject,
): string {
	const custom = customRoot(credentials);
	if (custom !== undefined) return custom + BANKING_CUSTOM_SUFFIX[authentication];
	const roots = BANKING_ROOTS[authentication];
	return roots[String(credentials.environment)] ?? roots.production;
}

/** API root for eInvoice: …/v1. */
export function einvoiceApiRoot(credentials: ICredentialDataDecryptedObject): string {
	const custom = customRoot(credentials);
	if (custom !== undefined) return `${custom}/v1`;
	return EINVOICE_ROOTS[String(credentials.environment)] ?? EINVOICE_ROOTS.production;
}

/** SePay allows 3 requests per second; only a custom server may be given another pace. */
export function requestsPerSecond(credentials: ICredentialDataDecryptedObject): number {
	if (credentials.environment !== 'custom') return 3;
	const configured = Number(credentials.requestsPerSecond);
	return Number.isFinite(configured) && configured > 0 ? configured : 3;
}
