import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sepayApiRequest } from '../../transport';
import { requireOAuth2 } from '../authentication';
import { bankAccountLocator, resolveBankAccountId } from '../bankAccountLocator';
import { webhookBody } from '../../webhooks/body';
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

const show = { resource: ['webhook'], operation: ['create'] };
const withAuthenType = (types: string[]) => ({ show: { ...show, authenType: types } });

export const description: INodeProperties[] = [
	{ ...webhookUrlField, required: true, displayOptions: { show } },
	{ ...nameField, required: true, displayOptions: { show } },
	{ ...eventTypeField, displayOptions: { show } },
	{ ...bankModeField, displayOptions: { show } },
	bankAccountLocator({
		description: 'The bank account the webhook watches',
		displayOptions: { show: { ...show, bankMode: ['single'] } },
	}),
	{ ...bankAccountIdsField, displayOptions: { show: { ...show, bankMode: ['multi'] } } },
	{ ...authenTypeField, displayOptions: { show } },
	{ ...apiKeyField, required: true, displayOptions: withAuthenType(['Api_Key']) },
	{ ...secretKeyField, displayOptions: withAuthenType(['HMAC_SHA256']) },
	...oauthFields.map((field) => ({
		...field,
		required: true,
		displayOptions: withAuthenType(['OAuth2.0']),
	})),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: optionalFields,
	},
];

/** POST /webhooks (OAuth2 API, scope webhook:write). Outputs the new id, and the HMAC secret if SePay made one. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Webhook → Create');
	const node = this.getNode();
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		webhookUrl: this.getNodeParameter('webhookUrl', itemIndex),
		name: this.getNodeParameter('name', itemIndex),
		eventType: this.getNodeParameter('eventType', itemIndex),
		bankMode: this.getNodeParameter('bankMode', itemIndex),
		authenType: this.getNodeParameter('authenType', itemIndex),
	};
	if (fields.bankMode === 'multi')
		fields.bankAccountIds = this.getNodeParameter('bankAccountIds', itemIndex, []);
	if (fields.authenType === 'Api_Key')
		fields.apiKey = this.getNodeParameter('apiKey', itemIndex, '');
	if (fields.authenType === 'HMAC_SHA256')
		fields.secretKey = this.getNodeParameter('secretKey', itemIndex, '');
	if (fields.authenType === 'OAuth2.0') {
		for (const key of ['oauth2Url', 'oauth2ClientId', 'oauth2ClientSecret']) {
			fields[key] = this.getNodeParameter(key, itemIndex, '');
		}
	}
	const bankAccountId =
		fields.bankMode === 'single'
			? await resolveBankAccountId(
					this,
					'oAuth2',
					this.getNodeParameter('bankAccount', itemIndex),
					{
						node,
						itemIndex,
						field: 'Bank Account',
					},
				)
			: undefined;
	const body = webhookBody(node, itemIndex, fields, { bankAccountId, partial: false });
	const response = await sepayApiRequest.call(this, 'oAuth2', {
		method: 'POST',
		path: '/webhooks',
		body,
		itemIndex,
	});
	// Two clients read data.id, one a top-level id: accept both.
	const data = (
		typeof response.data === 'object' && response.data !== null ? response.data : {}
	) as IDataObject;
	const id = data.id ?? response.id;
	return this.helpers.returnJsonArray({
		...data,
		id,
		...(response.message ? { message: response.message } : {}),
	});
}
