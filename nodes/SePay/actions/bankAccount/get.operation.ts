import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { getAuthentication } from '../authentication';
import { bankAccountLocator, resolveBankAccountId } from '../bankAccountLocator';

export const description: INodeProperties[] = [
	bankAccountLocator({
		description: 'The bank account to get',
		displayOptions: { show: { resource: ['bankAccount'], operation: ['get'] } },
	}),
];

/** GET /bank-accounts/{id}: UUID on API v2, numeric on the OAuth2 API. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const authentication = getAuthentication(this, itemIndex);
	const id = await resolveBankAccountId(
		this,
		authentication,
		this.getNodeParameter('bankAccount', itemIndex),
		{
			node: this.getNode(),
			itemIndex,
			field: 'Bank Account',
		},
	);
	const response = await sepayApiRequest.call(this, authentication, {
		method: 'GET',
		path: `/bank-accounts/${encodeURIComponent(id)}`,
		itemIndex,
	});
	return this.helpers.returnJsonArray((response.data ?? {}) as IDataObject);
}
