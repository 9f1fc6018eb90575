import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

import { bankingApiRoot, einvoiceApiRoot, requestsPerSecond } from './baseUrl';
import type { BankingAuthentication } from './credentialTypes';
import { CREDENTIAL_TYPE, EINVOICE_CREDENTIAL_TYPE } from './credentialTypes';
import { toNodeApiError } from './errors';
import type { ApiFamily } from './errors';
import type { SePayContext } from './send';
import { sendWithRetries } from './send';

export interface SePayRequest {
	method: IHttpRequestMethods;
	/** Path below the API root, e.g. `/transactions`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
}

function secretsOf(credentials: ICredentialDataDecryptedObject): unknown[] {
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [
		credentials.apiToken,
		credentials.clientSecret,
		credentials.secretKey,
		credentials.accessToken,
		tokenData.access_token,
		tokenData.refresh_token,
	];
}

function paceKey(context: SePayContext, credentialType: string, root: string): string {
	const id = context.getNode().credentials?.[credentialType]?.id ?? 'default';
	return `${credentialType}:${id}:${root}`;
}

export async function send(
	context: SePayContext,
	credentialType: string,
	family: ApiFamily,
	root: string,
	credentials: ICredentialDataDecryptedObject,
	request: SePayRequest,
): Promise<IDataObject> {
	const secrets = secretsOf(credentials);
	const response = (await sendWithRetries.call(
		context,
		{
			method: request.method,
			url: `${root}${request.path}`,
			qs: request.qs,
			body: request.body,
			json: true,
		},
		{
			credentialType,
			family,
			pace: {
				key: paceKey(context, credentialType, root),
				perSecond: requestsPerSecond(credentials),
			},
			secrets,
			itemIndex: request.itemIndex,
		},
	)) as IDataObject | string | undefined;
	const body: IDataObject = typeof response === 'object' && response !== null ? response : {};
	// Some SePay APIs answer 200 with an error body; treat it like the HTTP error it is.
	if (body.status === 'error' || body.success === false) {
		throw toNodeApiError(
			context.getNode(),
			{ status: undefined, headers: {}, data: body },
			{
				family,
				itemIndex: request.itemIndex,
				secrets,
				rateLimitRetries: 0,
			},
		);
	}
	return body;
}

/** A call to the banking API chosen by Authentication: API v2 (token) or the OAuth2 API (/api/v1). */
export async function sepayApiRequest(
	this: SePayContext,
	authentication: BankingAuthentication,
	request: SePayRequest,
): Promise<IDataObject> {
	const credentialType = CREDENTIAL_TYPE[authentication];
	const credentials = await this.getCredentials(credentialType);
	return await send(
		this,
		credentialType,
		authentication,
		bankingApiRoot(authentication, credentials),
		credentials,
		request,
	);
}

/** A call to the eInvoice API; returns the whole body (`{ success, data }`), errors already thrown. */
export async function einvoiceApiRequest(
	this: SePayContext,
	request: SePayRequest,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(EINVOICE_CREDENTIAL_TYPE);
	return await send(
		this,
		EINVOICE_CREDENTIAL_TYPE,
		'einvoice',
		einvoiceApiRoot(credentials),
		credentials,
		request,
	);
}
