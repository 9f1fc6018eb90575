/**
 * The four SePay credentials, pointed at an emulator (Environment "Custom", Base URL = its root),
 * as `n8n import:credentials` takes them: plain data, encrypted by n8n on import. Fixed ids, so
 * workflows can reference them.
 */
import type { Emulator } from '../emulator';
import type { CredentialJson } from './n8n-instance';

export const DEMO_CREDENTIALS = {
	apiToken: { type: 'sePayApi', id: 'sepayDemoApiTok1', name: 'SePay API token (emulator)' },
	oAuth2: { type: 'sePayOAuth2Api', id: 'sepayDemoOAuth21', name: 'SePay OAuth2 (emulator)' },
	eInvoice: { type: 'sePayEInvoiceApi', id: 'sepayDemoEInv001', name: 'SePay eInvoice (emulator)' },
	paymentGateway: {
		type: 'sePayPaymentGatewayApi',
		id: 'sepayDemoPgApi01',
		name: 'SePay Payment Gateway (emulator)',
	},
} as const;

export type DemoCredentialKey = keyof typeof DEMO_CREDENTIALS;

/** `{ <type>: { id, name } }` for a workflow node's `credentials`. */
export function credentialRef(
	key: DemoCredentialKey,
): Record<string, { id: string; name: string }> {
	const c = DEMO_CREDENTIALS[key];
	return { [c.type]: { id: c.id, name: c.name } };
}

/**
 * n8n's editor pre-selects, on a new node, the most recently updated credential of the types the
 * node can use (NodeCredentials: max `updatedAt`). So the API token, the easy default the README
 * recommends, is stamped newest, and comes last in the import too (issue 12).
 */
function stamped(list: CredentialJson[], nowMs: number): CredentialJson[] {
	return list.map((credential, i) => {
		const at = new Date(nowMs - (list.length - 1 - i) * 1000).toISOString();
		return { ...credential, createdAt: at, updatedAt: at };
	});
}

/**
 * @param requestsPerSecond the credentials' pacing: high for tests, SePay's 3 for the demo.
 * @param nowMs the clock for the credentials' timestamps.
 */
export function demoCredentials(
	emu: Emulator,
	requestsPerSecond = 100,
	nowMs = Date.now(),
): CredentialJson[] {
	const custom = { environment: 'custom', baseUrl: emu.baseUrl, requestsPerSecond };
	// OAuth2 "already connected": token data minted by the emulator, as n8n stores it after the
	// authorization-code flow, so no browser round trip is needed. The refresh token works too.
	const token = emu.issueOAuthToken();
	return stamped(
		[
			{
				...DEMO_CREDENTIALS.oAuth2,
				data: {
					...custom,
					clientId: emu.secrets.oauthClientId,
					clientSecret: emu.secrets.oauthClientSecret,
					oauthTokenData: { ...token },
				},
			},
			{
				...DEMO_CREDENTIALS.eInvoice,
				data: {
					...custom,
					clientId: emu.secrets.einvoiceClientId,
					clientSecret: emu.secrets.einvoiceClientSecret,
				},
			},
			{
				...DEMO_CREDENTIALS.paymentGateway,
				data: {
					...custom,
					merchantId: emu.secrets.pgMerchantId,
					secretKey: emu.secrets.pgSecretKey,
				},
			},
			{ ...DEMO_CREDENTIALS.apiToken, data: { ...custom, apiToken: emu.secrets.apiToken } },
		],
		nowMs,
	);
}
