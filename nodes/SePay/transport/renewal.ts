import type { IAdditionalCredentialOptions, IExecuteFunctions } from 'n8n-workflow';

import type { ApiFamily } from './errors';
import type { SePayContext } from './send';

/** Credentials whose token n8n can renew: OAuth2 (refresh token) and eInvoice (client ID + secret);
 * a fixed key's 401 (API token, Payment Gateway secret) is final. */
export function canRenew(family: ApiFamily): boolean {
	return family === 'oAuth2' || family === 'einvoice';
}

/** The resend goes out the normal way (errors thrown), so n8n's helper renews the token on a 401. */
export const LET_N8N_RENEW = 'n8n';

export type Renewal = IAdditionalCredentialOptions | typeof LET_N8N_RENEW | undefined;

/** One OAuth2 refresh per credential at a time: concurrent 401s wait for the same one. */
const refreshing = new Map<string, Promise<unknown>>();

/**
 * Renews the token after a 401 without a request to SePay's API, so the resend is the only API
 * request and goes through the pacer like any other (SePay counts a refused request too):
 * - OAuth2: n8n's own refresh (refresh-token grant at the token URL; n8n saves the new token).
 * - eInvoice: the resend carries the credential with its token blanked, so n8n's
 *   pre-authentication fetches a new one and saves it, exactly as for a credential's first call.
 * Returns what the resend needs.
 */
export async function renewToken(
	context: SePayContext,
	credentialType: string,
	family: ApiFamily,
	paceKey: string,
): Promise<Renewal> {
	if (family === 'einvoice') {
		const data = await context.getCredentials(credentialType);
		const stored = context.getNode().credentials?.[credentialType];
		return {
			credentialsDecrypted: {
				id: stored?.id ?? '',
				name: stored?.name ?? '',
				type: credentialType,
				data: { ...data, accessToken: '' },
			},
		};
	}
	const helpers = context.helpers as IExecuteFunctions['helpers'];
	// n8n versions without this helper: send the normal way once, n8n refreshes on the 401 itself.
	if (typeof helpers.refreshOAuth2Token !== 'function') return LET_N8N_RENEW;
	let refresh = refreshing.get(paceKey);
	if (!refresh) {
		refresh = helpers.refreshOAuth2Token.call(context as IExecuteFunctions, credentialType);
		refreshing.set(paceKey, refresh);
		void refresh.then(
			() => refreshing.delete(paceKey),
			() => refreshing.delete(paceKey),
		);
	}
	await refresh;
	return undefined;
}
