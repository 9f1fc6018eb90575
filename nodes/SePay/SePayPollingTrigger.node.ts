import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { simplifyTransaction } from './transactions/simplify';
import type { BankingAuthentication } from './transport';
import { credentialShownFor } from './transport/credentialDisplay';
import { matchesFilters, readFilters } from './transactions/filters';
import { pollingProperties } from './polling/description';
import { pollApiV2 } from './polling/pollApiV2';
import { pollOAuth2 } from './polling/pollOAuth2';
import { pollState } from './polling/state';
import { catchUpRecords, DEFAULT_LOOK_BACK_MINUTES } from './polling/catchUp';
import { manualSample } from './polling/sample';
import { transactionKeys } from './transactions/matching';
import { WorkflowMemory } from './transactions/workflowMemory';

/** Where the node kept its own memory before the workflow's shared one (taken over once). */
const OLD_POLL_MEMORY_KEY = 'recentIds';

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
		subtitle:
			'={{"Money " + ({in: "in", out: "out", both: "in and out"})[$parameter["direction"]]}}',
		description:
			'Starts the workflow when new SePay bank transactions appear (no public URL needed)',
		defaults: { name: 'SePay Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sePayApi',
				required: true,
				displayOptions: credentialShownFor(['apiToken'], AUTHENTICATION),
			},
			{
				name: 'sePayOAuth2Api',
				required: true,
				displayOptions: credentialShownFor(['oAuth2'], AUTHENTICATION),
			},
		],
		properties: pollingProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const authentication = this.getNodeParameter(
			'authentication',
			'apiToken',
		) as BankingAuthentication;
		const manual = this.getMode() === 'manual';
		const catchUp = this.getNodeParameter('mode', 'everything') === 'missed';
		const state = pollState(
			this.getWorkflowStaticData('node'),
			authentication,
			catchUp ? 'missed' : 'everything',
		);
		let records: IDataObject[];
		if (manual) records = await manualSample.call(this, authentication);
		else if (catchUp) {
			const lookBack = Number(this.getNodeParameter('lookBackMinutes', DEFAULT_LOOK_BACK_MINUTES));
			records = await catchUpRecords.call(
				this,
				authentication,
				state,
				Date.now(),
				lookBack * 60_000,
			);
		} else {
			records =
				authentication === 'oAuth2'
					? await pollOAuth2.call(this, state)
					: await pollApiV2.call(this, state);
		}

		const filters = readFilters(
			this.getNodeParameter('direction', 'in'),
			this.getNodeParameter('filters', {}) as IDataObject,
		);
		const simplify = (this.getNodeParameter('options', {}) as IDataObject).simplify !== false;
		// One memory for the workflow's SePay triggers: what the webhook (or an earlier poll) ran is not emitted.
		const memory = new WorkflowMemory(this);
		if (!manual) memory.adopt(state, OLD_POLL_MEMORY_KEY);
		const items: INodeExecutionData[] = [];
		for (const record of records) {
			const simple = simplifyTransaction(record);
			if (!matchesFilters(simple, filters)) continue;
			const keys = transactionKeys(simple, authentication === 'oAuth2' ? 'sepay' : 'apiV2');
			// Its webhook run is under way here (it may yet fail: then SePay retries it), or it is
			// known. In this order: a run's claim that lapses is remembered as it is checked.
			if (!manual && (memory.underWay(keys) || memory.knows(keys))) continue;
			// Within one poll too: a record SePay lists twice (pages shifting) is emitted once.
			if (!manual) memory.remember([keys]);
			items.push({ json: simplify ? simple : record });
		}
		// n8n saves this copy of the static data when the poll emits and when the workflow stops.
		if (!manual) {
			memory.sync();
			// Rewritten whenever a webhook run's answer teaches the memory more (saved at deactivation).
			memory.keepFresh(`poll:${this.getNode().name}`, Infinity);
		}
		return items.length > 0 ? [items] : null;
	}
}
