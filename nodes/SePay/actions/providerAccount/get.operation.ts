import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';
import { einvoiceApiRequest } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Provider Account Name or ID',
		name: 'providerAccountId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProviderAccounts' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { resource: ['providerAccount'], operation: ['get'] } },
	},
];

/** GET /v1/provider-accounts/{id}: the account with templates[] (template_code, invoice_series, invoice_label). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const raw = this.getNodeParameter('providerAccountId', itemIndex, '') as unknown;
	const id = typeof raw === 'string' ? raw.trim() : '';
	if (!id || /[\s/?#\\]/.test(id)) {
		throw invalidInput(
			{ node: this.getNode(), itemIndex, field: 'Provider Account' },
			'a provider account ID such as 0aea3134-da40-11f0-aef4-52c7e9b4f41b',
			raw,
		);
	}
	const body = await einvoiceApiRequest.call(this, {
		method: 'GET',
		path: `/provider-accounts/${encodeURIComponent(id)}`,
		itemIndex,
	});
	return [{ json: (body.data ?? {}) as IDataObject }];
}
