import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import { sepayId } from '../../helpers/inputValues';
import { simplifyTransaction } from '../../transactions/simplify';
import { failureOf, sepayApiRequest } from '../../transport';
import { getAuthentication } from '../authentication';
import { simplifyProperty } from '../common.descriptions';

export const description: INodeProperties[] = [
	{
		displayName: 'Transaction ID',
		name: 'transactionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. a1b2c3d4-e5f6-7890-abcd-ef1234567890 (API Token) or 49682 (OAuth2)',
		description:
			'SePay transaction ID: a UUID with API Token (API v2), a number with OAuth2 (the same number as in webhook payloads)',
		displayOptions: { show: { resource: ['transaction'], operation: ['get'] } },
	},
	simplifyProperty('transaction', ['get']),
];

/**
 * API v2: GET /transactions/{uuid} (documented).
 * OAuth2 API: SePay mentions a detail call in prose but lists no path (UNCONFIRMED); we call
 * GET /transactions/{id}, the path every other OAuth2 resource uses (and the emulator serves).
 * If SePay answers 404/405 the error says to use Get Many with a filter instead.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const authentication = getAuthentication(this, itemIndex);
	const id = sepayId(authentication, this.getNodeParameter('transactionId', itemIndex), {
		node: this.getNode(),
		itemIndex,
		field: 'Transaction ID',
	});
	let response: IDataObject;
	try {
		response = await sepayApiRequest.call(this, authentication, {
			method: 'GET',
			path: `/transactions/${encodeURIComponent(id)}`,
			itemIndex,
		});
	} catch (error) {
		if (!(error instanceof NodeApiError))
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		if (authentication === 'oAuth2' && [404, 405].includes(failureOf(error).status ?? 0)) {
			error.description =
				`${error.description ?? ''} SePay's OAuth2 API may not offer a per-transaction lookup: Transaction → Get Many with a Reference Number or date filter finds it too.`.trim();
		}
		// Hands back the same error (NodeApiError's constructor returns an existing NodeApiError).
		throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
	}
	const record = (response.data ?? {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return this.helpers.returnJsonArray(simplify ? simplifyTransaction(record) : record);
}
