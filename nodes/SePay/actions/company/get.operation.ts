import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { requireOAuth2 } from '../authentication';

export const description: INodeProperties[] = [];

/** GET /company (OAuth2 API, scope company, Admin/SuperAdmin user): company and its configuration. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Company → Get');
	const response = await sepayApiRequest.call(this, 'oAuth2', {
		method: 'GET',
		path: '/company',
		itemIndex,
	});
	return this.helpers.returnJsonArray((response.data ?? {}) as IDataObject);
}
