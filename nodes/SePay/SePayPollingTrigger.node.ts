import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { simplifyTransaction } from './transactions/simplify';
import type { BankingAuthentication } from './transport';
import { credentialShownFor } from './transport/credentialDisplay';
import { matchesFilters, readFilters } from './transactions/filters';
import { pollingProperties } from './polling/description';
import { pollApiV2 } from './polling/pollApiV2';
import { pollOAuth2 } from './polling/pollOAuth2';
import { pollState } from './polling/state';

const AUTHENTICATION = ['apiToken', 'oAuth2'];

/**
 * For n8n instances without a public HTTPS URL: polls SePay and emits each new transaction once,
 * oldest first. The first activation starts from "now"; a manual test run shows the latest ones.
 */
export class SePayPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SePay Polling Trigger',
		name: 'sePayPollingTrigger',
		icon: { light: 'file:sepay.svg', dark: 'file:sepay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Money " + ({in: "in", out: "out", both: "in and out"})[$parameter["direction"]]}}',
		description: 'Starts the workflow when new SePay bank transactions appear (no public URL needed)',
		defaults: { name: 'SePay Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'sePayApi', required: true, displayOptions: credentialShownFor(['apiToken'], AUTHENTICATION) },
			{ name: 'sePayOAuth2Api', required: true, displayOptions: credentialShownFor(['oAuth2'], AUTHENTICATION) },
		],
		properties: pollingProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const authentication = this.getNodeParameter('authentication', 'apiToken') as BankingAuthentication;
		const manual = this.getMode() === 'manual';
		const state = pollState(this.getWorkflowStaticData('node'), authentication);
		const records =
			authentication === 'oAuth2'
				? await pollOAuth2.call(this, state, manual)
				: await pollApiV2.call(this, state, manual);

		const filters = readFilters(this.getNodeParameter('direction', 'in'), this.getNodeParameter('filters', {}) as IDataObject);
		const simplify = (this.getNodeParameter('options', {}) as IDataObject).simplify !== false;
		const items: INodeExecutionData[] = [];
		for (const record of records) {
			const simple = simplifyTransaction(record);
			if (!matchesFilters(simple, filters)) continue;
			items.push({ json: simplify ? simple : record });
		}
		return items.length > 0 ? [items] : null;
	}
}
