/** Emulator + credential store wired the way a user would configure the SePay credentials. */
import { SePayApi } from '../../../../../credentials/SePayApi.credentials';
import { SePayOAuth2Api } from '../../../../../credentials/SePayOAuth2Api.credentials';
import type { Emulator, EmulatorOptions } from '../../../../../emulator';
import { startEmulator } from '../../../../../emulator';
import {
	createCredentialStore,
	type CredentialStore,
} from '../../../../../harness/credential-store';

export async function startSePay(
	options: EmulatorOptions = {},
): Promise<{ emu: Emulator; store: CredentialStore }> {
	const emu = await startEmulator({ port: 0, seed: 1, transactions: 50, ...options });
	const token = emu.issueOAuthToken();
	const store = createCredentialStore(
		{
			sePayApi: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				apiToken: emu.secrets.apiToken,
				requestsPerSecond: 1000,
			},
			sePayOAuth2Api: {
				environment: 'custom',
				baseUrl: emu.baseUrl,
				requestsPerSecond: 1000,
				clientId: emu.secrets.oauthClientId,
				clientSecret: emu.secrets.oauthClientSecret,
				oauthTokenData: { ...token },
			},
		},
		{ credentialTypes: [new SePayApi(), new SePayOAuth2Api()] },
	);
	return { emu, store };
}
