import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { handleDelivery } from './trigger/delivery';
import { credentialShownFor } from './transport/credentialDisplay';
import {
	manualAuthenticationProperty,
	TRIGGER_AUTHENTICATION_VALUES,
	triggerAuthenticationProperty,
} from './trigger/authentication.description';
import { triggerProperties } from './trigger/description';
import { createWebhook, deleteRegisteredWebhook, webhookExists } from './trigger/registration';

/**
 * Starts a workflow on each SePay bank-transaction webhook: verified (API key or HMAC), filtered,
 * de-duplicated, and acknowledged at once with the exact body SePay counts as success.
 */
export class SePayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SePay Trigger',
		name: 'sePayTrigger',
		icon: { light: 'file:sepay.svg', dark: 'file:sepay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{"Money " + ({in: "in", out: "out", both: "in and out"})[$parameter["direction"]]}}',
		description: 'Starts the workflow when SePay reports a bank transaction',
		defaults: { name: 'SePay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sePayOAuth2Api',
				required: true,
				displayOptions: credentialShownFor(['oAuth2'], TRIGGER_AUTHENTICATION_VALUES),
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The node answers SePay itself (see respond.ts), before the workflow runs; or, with
				// "Acknowledge SePay: When the Workflow Finishes", n8n answers with the last node's first
				// item. (Not "responseNode": n8n 2.8 then ends the response before saving static data
				// and sends an empty body, which SePay counts as a failure.)
				responseMode:
					'={{$parameter["options"]["acknowledge"] === "workflowEnd" ? "lastNode" : "onReceived"}}',
				path: 'webhook',
			},
		],
		// Registration first: the Authentication field is shown only for Automatic.
		properties: [
			triggerProperties[0],
			triggerAuthenticationProperty,
			manualAuthenticationProperty,
			...triggerProperties.slice(1),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteRegisteredWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery.call(this);
	}
}
