import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';
import { sepayApiRequest } from '../../transport';
import { requireOAuth2 } from '../authentication';
import { isEmpty } from '../../helpers/inputValues';
import { bankAccountLocator, resolveBankAccountId } from '../bankAccountLocator';
import { webhookBody, webhookId } from '../../webhooks/body';
import {
	apiKeyField,
	authenTypeField,
	bankAccountIdsField,
	bankModeField,
	eventTypeField,
	nameField,
	oauthFields,
	optionalFields,
	secretKeyField,
	webhookUrlField,
} from './fields.description';
import { webhookIdField } from './id.description';

const updateOptions: INodeProperties[] = [
	apiKeyField,
	authenTypeField,
	bankAccountLocator({
		required: false,
		description: 'With Bank Accounts "One Account": the account to watch',
	}),
	bankAccountIdsField,
	bankModeField,
	eventTypeField,
	nameField,
	...oauthFields,
	...optionalFields,
	secretKeyField,
	webhookUrlField,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const description: INodeProperties[] = [
	webhookIdField(['update'], 'The webhook to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['webhook'], operation: ['update'] } },
		options: updateOptions,
	},
];

/** PATCH /webhooks/{id} with only the fields set (OAuth2 API, scope webhook:write). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Webhook → Update');
	const node = this.getNode();
	const id = webhookId(node, itemIndex, this.getNodeParameter('webhookId', itemIndex));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const bankAccountId = !isEmpty(fields.bankAccount)
		? await resolveBankAccountId(this, 'oAuth2', fields.bankAccount, {
				node,
				itemIndex,
				field: 'Update Fields → Bank Account',
			})
		: undefined;
	const body = webhookBody(node, itemIndex, fields, { bankAccountId, partial: true });
	if (Object.keys(body).length === 0) {
		throw invalidInput(
			{ node, itemIndex, field: 'Update Fields' },
			'at least one field to change',
			fields,
		);
	}
	const response = await sepayApiRequest.call(this, 'oAuth2', {
		method: 'PATCH',
		path: `/webhooks/${id}`,
		body,
		itemIndex,
	});
	// The update response shape is UNCONFIRMED: output the webhook when SePay returns it.
	const data = response.data;
	return this.helpers.returnJsonArray(
		typeof data === 'object' && data !== null && !Array.isArray(data)
			? (data as IDataObject)
			: { id: Number(id), updated: true },
	);
}
