import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { getAuthentication, requireOAuth2 } from '../authentication';

export const description: INodeProperties[] = [];

/** GET /me (scope `profile`): the SePay user who connected the OAuth2 credential. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Profile → Get');
	const response = await sepayApiRequest.call(this, getAuthentication(this, itemIndex), {
		method: 'GET',
		path: '/me',
		itemIndex,
	});
	return this.helpers.returnJsonArray((response.data ?? {}) as IDataObject);
}
