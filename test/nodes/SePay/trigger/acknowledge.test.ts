import type { IDataObject } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { SePayTrigger } from '../../../../nodes/SePay/SePayTrigger.node';
import { resetRunClaims } from '../../../../nodes/SePay/trigger/inFlight';
import { resetMemoryIndexes } from '../../../../nodes/SePay/transactions/idMemory';
import { WorkflowMemory } from '../../../../nodes/SePay/transactions/workflowMemory';
import { transactionKeys } from '../../../../nodes/SePay/transactions/matching';
import { simplifyTransaction } from '../../../../nodes/SePay/transactions/simplify';
import { createCredentialStore } from '../../../../harness/credential-store';
import { serveWebhook, type WebhookDriver } from './support/driver';

/**
 * "Acknowledge SePay: When the Workflow Finishes": the node hands the delivery to the workflow
 * without answering (n8n answers with the last node's output when the run ends). What matters
 * for crash safety is what the memory does with SePay's re-deliveries.
 */

const KEY = 'ack-key';
const store = createCredentialStore({}, { credentialTypes: [] });
const drivers: WebhookDriver[] = [];
afterAll(async () => await Promise.all(drivers.map(async (d) => await d.close())));
beforeEach(() => {
	resetMemoryIndexes();
	resetRunClaims();
});

const payload = (id: number | string, extra: IDataObject = {}) => ({
	id,
	gateway: 'ACB',
	transactionDate: '2026-11-23 10:00:00',
	accountNumber: '0123',
	subAccount: null,
	code: 'DH1',
	content: 'DH1',
	transferType: 'in',
	description: '',
	transferAmount: 50000,
	accumulated: 0,
	referenceCode: `FT${id}`,
	...extra,
});

async function trigger(acknowledge: string, staticData: IDataObject = {}) {
	const driver = await serveWebhook({
		node: new SePayTrigger(),
		parameters: {
			registration: 'manual',
			verification: 'apiKey',
			apiKey: KEY,
			direction: 'both',
			options: { acknowledge },
		},
		store,
		staticData,
	});
	drivers.push(driver);
	return driver;
}

async function deliver(driver: WebhookDriver, body: IDataObject) {
	const response = await fetch(driver.url, {
		method: 'POST',
		body: JSON.stringify(body),
		headers: { 'content-type': 'application/json', authorization: `Apikey ${KEY}` },
	});
	return { status: response.status, body: await response.text() };
}

describe('SePay Trigger answered when the workflow finishes', () => {
	it('lets n8n wait for the workflow: response mode "lastNode" only with this option', () => {
		const node = new SePayTrigger();
		const description = node.description.webhooks![0];
		const workflowFor = (options: IDataObject) =>
			new Workflow({
				nodes: [
					{
						id: '1',
						name: 'T',
						type: 'sePayTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { options: options as never },
					},
				],
				connections: {},
				active: false,
				nodeTypes: {
					getByName: () => node,
					getByNameAndVersion: () => node,
					getKnownTypes: () => ({}),
				} as never,
			});
		const mode = (options: IDataObject) => {
			const workflow = workflowFor(options);
			return workflow.expression.getSimpleParameterValue(
				workflow.getNode('T')!,
				description.responseMode as string,
				'webhook',
				{},
			);
		};
		expect(mode({ acknowledge: 'workflowEnd' })).toBe('lastNode');
		expect(mode({})).toBe('onReceived');
		expect(mode({ acknowledge: 'onReceipt' })).toBe('onReceived');
	});

	it("does not answer for the workflow, and runs SePay's re-delivery again (a crash or error left it unacknowledged)", async () => {
		const driver = await trigger('workflowEnd');
		await deliver(driver, payload(501));
		expect(driver.executions).toHaveLength(1);
		// The node wrote no answer of its own: the harness answers in n8n's "workflow started" way.
		// After the in-flight window (here: a restarted n8n) SePay's retry runs it again.
		resetRunClaims();
		await deliver(driver, payload(501));
		expect(driver.executions).toHaveLength(2);
	});

	it("tells a parallel duplicate (within SePay's 30 s answer window) to come back later, without running it", async () => {
		const driver = await trigger('workflowEnd');
		await deliver(driver, payload(502));
		const second = await deliver(driver, payload(502));
		expect(second.status).toBe(409);
		expect(JSON.parse(second.body)).toEqual(expect.objectContaining({ success: false }));
		expect(driver.executions).toHaveLength(1);
	});

	it('does not run what another trigger of the workflow (the poll) already ran', async () => {
		const staticData: IDataObject = {};
		const driver = await trigger('workflowEnd', staticData);
		// The Polling Trigger of the same workflow emitted this transfer (API v2 shape, a UUID id).
		const polled = simplifyTransaction({
			id: 'a1b2c3d4-0000-0000-0000-000000000503',
			transaction_date: '2026-11-23 10:00:00',
			account_number: '0123',
			transfer_type: 'in',
			amount_in: 50000,
			amount_out: 0,
			reference_number: 'FT503',
		});
		// Written through the static data alone (as another n8n process would), not this process's index.
		const pollContext = {
			getWorkflowStaticData: (type: string) => (staticData[type] ??= {}) as IDataObject,
			getWorkflow: () => ({ id: 'other-process' }),
			getMode: () => 'trigger',
		};
		new WorkflowMemory(pollContext).remember([transactionKeys(polled, 'apiV2')]);
		const response = await deliver(driver, payload(503));
		expect(response).toEqual({ status: 200, body: '{"success":true}' });
		expect(driver.executions).toHaveLength(0);
	});

	it('On Receipt (the default) stays as before: answered at once, a re-delivery is never run again', async () => {
		const driver = await trigger('onReceipt');
		expect(await deliver(driver, payload(504))).toEqual({ status: 200, body: '{"success":true}' });
		resetRunClaims();
		expect(await deliver(driver, payload(504))).toEqual({ status: 200, body: '{"success":true}' });
		expect(driver.executions).toHaveLength(1);
	});
});
