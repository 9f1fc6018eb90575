import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { einvoiceApiRequest, EINVOICE_CREDENTIAL_TYPE } from '../../transport';
import { jwtExpiry } from './tokenExpiry';

export const description: INodeProperties[] = [
	{
		displayName:
			'The output contains a secret: the bearer token gives access to your e-invoices until it expires. Do not log it, store it or send it anywhere you would not put the client secret.',
		name: 'einvoiceTokenNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['einvoiceToken'] } },
	},
];

/**
 * The credential's cached bearer token, for HTTP Request nodes. It is never fetched here: one
 * cheap authenticated call (GET /v1/usage) lets n8n run the credential's pre-authentication
 * when no token is stored yet, or fetch a new one if SePay answers 401; the token n8n saved is
 * then read back. So this shares the credential's one-token-per-24-h cache and is known to work now.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	await einvoiceApiRequest.call(this, { method: 'GET', path: '/usage', itemIndex });
	const credentials = await this.getCredentials(EINVOICE_CREDENTIAL_TYPE, itemIndex);
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	if (!token) {
		throw new NodeOperationError(
			this.getNode(),
			'n8n holds no eInvoice access token for this credential',
			{
				itemIndex,
				description:
					'The credential answered the check call but stored no token. Open the credential and test it.',
			},
		);
	}
	const json: IDataObject = { access_token: token, token_type: 'Bearer' };
	const expiry = jwtExpiry(token);
	if (expiry) {
		json.expires_at = expiry.toISOString();
		json.expires_in = Math.max(0, Math.floor((expiry.getTime() - Date.now()) / 1000));
	}
	return [{ json }];
}
