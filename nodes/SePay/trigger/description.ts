import type { INodeProperties } from 'n8n-workflow';

import {
	directionProperty,
	filtersProperty,
	simplifyOption,
} from '../transactions/filters.description';

const manual = { registration: ['manual'] };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Automatic (OAuth2)',
				value: 'automatic',
				description:
					'The node creates the SePay webhook when the workflow is published and deletes it when unpublished',
			},
			{
				name: 'Manual',
				value: 'manual',
				description: "You add this node's URL as a webhook in SePay's dashboard yourself",
			},
		],
		default: 'manual',
	},
	{
		displayName:
			"In SePay (my.sepay.vn → Integrations → Webhooks → Add webhook): paste this node's Production URL (above), choose the same event type as Direction, Content type JSON, turn on auto retry, and under Security choose the method set in Verification with the same key or secret. Then publish the workflow.",
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: manual },
	},
	{
		displayName: 'Verification',
		name: 'verification',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'API Key',
				value: 'apiKey',
				description: 'SePay sends "Authorization: Apikey &lt;key&gt;"',
			},
			{
				name: 'HMAC-SHA256',
				value: 'hmac',
				description:
					'SePay signs each delivery with a secret (X-SePay-Signature, X-SePay-Timestamp)',
			},
			{
				name: 'None (Unsafe)',
				value: 'none',
				description: 'Anyone who knows the URL can start the workflow',
			},
		],
		default: 'apiKey',
		description: 'How the node checks that a delivery really comes from SePay',
	},
	{
		displayName: 'API Key',
		name: 'apiKey',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			"The key entered in SePay's webhook settings (Security → API Key); use a long random value",
		displayOptions: { show: { ...manual, verification: ['apiKey'] } },
	},
	{
		displayName:
			'Enter the API key first: until it is set, n8n keeps "Test this trigger" and Publish greyed out. Use the same key in SePay.',
		name: 'apiKeyMissingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...manual, verification: ['apiKey'], apiKey: [''] } },
	},
	{
		displayName: 'HMAC Secret',
		name: 'hmacSecret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The secret SePay shows once when you choose HMAC-SHA256 (starts with whsec_)',
		displayOptions: { show: { ...manual, verification: ['hmac'] } },
	},
	{
		displayName:
			'Enter the HMAC secret first: until it is set, n8n keeps "Test this trigger" and Publish greyed out.',
		name: 'hmacSecretMissingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...manual, verification: ['hmac'], hmacSecret: [''] } },
	},
	{
		displayName:
			'Without verification anyone who knows the URL can start this workflow with made-up transactions. Use it only for testing.',
		name: 'noVerificationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verification: ['none'] } },
	},
	directionProperty,
	filtersProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Deduplicate',
				name: 'deduplicate',
				type: 'boolean',
				default: true,
				description:
					'Whether to ignore a delivery whose transaction ID was already seen recently (SePay retries and replays send the same ID)',
			},
			{
				displayName: 'Acknowledge SePay',
				name: 'acknowledge',
				type: 'options',
				options: [
					{
						name: 'On Receipt',
						value: 'onReceipt',
						description:
							'Answer SePay at once, before the workflow runs (fastest; a crash during the run loses it)',
					},
					{
						name: 'When the Workflow Finishes',
						value: 'workflowEnd',
						description:
							'The answer to SePay is what the last node outputs, which must be exactly {"success": true} (e.g. an Edit Fields node). A crash before the run ends makes SePay deliver the transaction again; a run that ended (even with an error, kept in n8n to retry) is not run again.',
					},
				],
				default: 'onReceipt',
			},
			simplifyOption,
		],
	},
];
