/**
 * Shared setup of the SePay node tests: one emulator per test file, a credential store holding
 * both banking credentials (API token and OAuth2, paced fast), and `run()` that executes the
 * SePay node through the harness with the chosen Authentication.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SePayApi } from '../../../credentials/SePayApi.credentials';
import { SePayOAuth2Api } from '../../../credentials/SePayOAuth2Api.credentials';
import { SePay } from '../../../nodes/SePay/SePay.node';
import { startEmulator } from '../../../emulator';
import type { Emulator, EmulatorOptions, RecordedRequest } from '../../../emulator';
import { createCredentialStore, runNode } from '../../../harness';
import type { CredentialStore, RunNodeResult } from '../../../harness';

export type Auth = 'apiToken' | 'oAuth2';
export const AUTHS: Auth[] = ['apiToken', 'oAuth2'];

export interface NodeTestContext {
	emu: Emulator;
	store: CredentialStore;
	run(
		auth: Auth | undefined,
		parameters: INodeParameters,
		options?: { items?: INodeExecutionData[]; continueOnFail?: boolean },
	): Promise<RunNodeResult>;
	/** Requests to the banking APIs (not /oauth) since the last clear. */
	apiRequests(): RecordedRequest[];
}

export function credentialData(
	emu: Emulator,
	requestsPerSecond = 1000,
): Record<string, IDataObject> {
	return {
		sePayApi: {
			environment: 'custom',
			baseUrl: emu.baseUrl,
			requestsPerSecond,
			apiToken: emu.secrets.apiToken,
		},
		sePayOAuth2Api: {
			environment: 'custom',
			baseUrl: emu.baseUrl,
			requestsPerSecond,
			clientId: emu.secrets.oauthClientId,
			clientSecret: emu.secrets.oauthClientSecret,
			oauthTokenData: emu.issueOAuthToken() as unknown as IDataObject,
		},
	};
}

export async function startNodeTest(
	options: EmulatorOptions = {},
	requestsPerSecond = 1000,
): Promise<NodeTestContext> {
	const emu = await startEmulator({ port: 0, seed: 1, ...options });
	const store = createCredentialStore(credentialData(emu, requestsPerSecond) as never, {
		credentialTypes: [new SePayApi(), new SePayOAuth2Api()],
	});
	const node = new SePay();
	return {
		emu,
		store,
		async run(auth, parameters, runOptions = {}) {
			return await runNode({
				node,
				store,
				parameters: auth ? { authentication: auth, ...parameters } : parameters,
				credentials: auth ? [auth === 'apiToken' ? 'sePayApi' : 'sePayOAuth2Api'] : [],
				items: runOptions.items,
				continueOnFail: runOptions.continueOnFail,
			});
		},
		apiRequests: () =>
			emu.requests.filter((r) => r.path.startsWith('/v2/') || r.path.startsWith('/api/v1/')),
	};
}

/** The JSON of the first output. */
export function jsonOf(result: RunNodeResult): IDataObject[] {
	return (result.output[0] ?? []).map((item) => item.json);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
