import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { triggerProperties } from './paymentGatewayTrigger/description';
import { handleNotification } from './paymentGatewayTrigger/ipn';

/**
 * Starts a workflow on SePay Payment Gateway notifications (IPN): order paid, card payment voided.
 * A node of its own, not a mode of the SePay Trigger: another SePay product with its own
 * credential, events, payload and dashboard setting, and none of the bank trigger's options apply.
 */
export class SePayPaymentGatewayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SePay Payment Gateway Trigger',
		name: 'sePayPaymentGatewayTrigger',
		icon: { light: 'file:sepay.svg', dark: 'file:sepay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when SePay Payment Gateway reports a paid order or a voided card payment',
		defaults: { name: 'SePay Payment Gateway Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sePayPaymentGatewayApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The node answers SePay itself, before the workflow runs.
				responseMode: 'onReceived',
				path: 'ipn',
			},
		],
		properties: triggerProperties,
	};

	/** SePay has no API to set the IPN URL: it is entered in the dashboard, so there is nothing to register. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleNotification.call(this);
	}
}
