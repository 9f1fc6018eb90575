import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { SePayTrigger } from '../../../../nodes/SePay/SePayTrigger.node';
import { deliveryKeys, exactTransaction } from '../../../../nodes/SePay/trigger/deliveryKeys';
import { resetRunClaims } from '../../../../nodes/SePay/transactions/pendingRuns';
import { resetLiveStores } from '../../../../nodes/SePay/transactions/liveStores';
import { resetMemoryIndexes, storedKeys } from '../../../../nodes/SePay/transactions/idMemory';
import {
	WORKFLOW_MEMORY_KEY,
	WorkflowMemory,
} from '../../../../nodes/SePay/transactions/workflowMemory';
import { keyList, transactionKeys } from '../../../../nodes/SePay/transactions/matching';
import { simplifyTransaction } from '../../../../nodes/SePay/transactions/simplify';
import { createCredentialStore } from '../../../../harness/credential-store';
import { runNode } from '../../../../harness/run-node';
import { apiKeyTrigger, serveWebhook, type WebhookDriver } from './support/driver';

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
	resetLiveStores();
});

/** A gate a held run waits on. */
function opened() {
	let release = () => {};
	let waiting = false;
	const promise = new Promise<void>((resolve) => (release = resolve));
	return {
		get promise() {
			waiting = true;
			return promise;
		},
		waiting: () => waiting,
		open: () => release(),
	};
}

/** Waits for a condition the server reaches asynchronously (no wall-clock bound: jest's own). */
async function until(condition: () => boolean) {
	while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

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

async function trigger(
	acknowledge: string,
	staticData: IDataObject = {},
	beforeAnswer?: (workflowData: INodeExecutionData[][]) => Promise<void>,
) {
	const driver = await serveWebhook({
		node: new SePayTrigger(),
		parameters: apiKeyTrigger(KEY, { acknowledge }),
		store,
		staticData,
		beforeAnswer,
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

	it("runs SePay's re-delivery when the first run never reached the trigger's step (nothing was saved)", async () => {
		// No beforeAnswer: the harness answers without running the workflow.
		const driver = await trigger('workflowEnd');
		await deliver(driver, payload(501));
		expect(driver.executions).toHaveLength(1);
		await deliver(driver, payload(501));
		expect(driver.executions).toHaveLength(2);
	});

	it("tells a parallel duplicate (within SePay's 30 s answer window) to come back later, without running it", async () => {
		const gate = opened();
		const driver = await trigger('workflowEnd', {}, async () => await gate.promise);
		const first = deliver(driver, payload(502));
		await until(() => driver.executions.length === 0 && gate.waiting());
		const second = await deliver(driver, payload(502));
		expect(second.status).toBe(409);
		expect(JSON.parse(second.body)).toEqual(expect.objectContaining({ success: false }));
		gate.open();
		await first;
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

	// The run (n8n answers after it): the trigger's step writes the transaction into the run's own
	// static data, saved when the run ends, before the answer.
	const runStep = async (
		acknowledge: string,
		staticData: IDataObject,
		items: INodeExecutionData[] = [{ json: payload(601) }],
		simplify = false,
	) =>
		await runNode({
			node: new SePayTrigger(),
			parameters: apiKeyTrigger(KEY, { acknowledge, simplify }),
			items,
			mode: 'webhook',
			staticData,
		});
	const runFor = (staticData: IDataObject) => async (workflowData: INodeExecutionData[][]) => {
		await runStep('workflowEnd', staticData, workflowData[0], true);
	};
	const saved = (staticData: IDataObject) =>
		storedKeys((staticData.global as IDataObject | undefined)?.[WORKFLOW_MEMORY_KEY]);

	it("acknowledges SePay's re-delivery of a run that ended, even after a restart: exactly once (its own save kept it)", async () => {
		const staticData: IDataObject = {};
		const driver = await trigger('workflowEnd', staticData, runFor(staticData));
		await deliver(driver, payload(701));
		expect(saved(staticData)).toContain('701');
		// n8n killed after the run's save, before SePay had the answer: SePay retries.
		resetMemoryIndexes();
		resetRunClaims();
		expect(await deliver(driver, payload(701))).toEqual({
			status: 200,
			body: '{"success":true}',
		});
		expect(driver.executions).toHaveLength(1);
	});

	it('learns the transaction when the answer is sent (a copy saved without it does not run it again)', async () => {
		const staticData: IDataObject = {};
		const driver = await trigger('workflowEnd', staticData, runFor(staticData));
		await deliver(driver, payload(702));
		// Another copy of the static data, from before, overwrote the saved one (last writer wins).
		delete staticData.global;
		expect((await deliver(driver, payload(702))).status).toBe(200);
		expect(driver.executions).toHaveLength(1);
		// ...and that request wrote what it knows back.
		expect(saved(staticData)).toEqual([]);
		await deliver(driver, payload(703));
		expect(saved(staticData)).toEqual(expect.arrayContaining(['702', '703']));
	});

	it("a run under way is in no saved copy: another delivery's save does not carry it (a crash then loses nothing)", async () => {
		const staticData: IDataObject = {};
		const gate = opened();
		let held = false;
		const driver = await trigger('workflowEnd', staticData, async (workflowData) => {
			if (workflowData[0][0].json.id === 704 && !held) {
				held = true;
				await gate.promise;
			}
			await runFor(staticData)(workflowData);
		});
		const first = deliver(driver, payload(704));
		await until(() => gate.waiting());
		await deliver(driver, payload(705));
		expect(saved(staticData)).toContain('705');
		expect(saved(staticData).filter((key) => key.includes('704'))).toEqual([]);
		// n8n killed now: the next process runs SePay's retry of 704.
		gate.open();
		await first;
		expect(saved(staticData)).toEqual(expect.arrayContaining(['704', '705']));
	});

	it("a failed run's re-delivery is acknowledged: n8n kept the failed execution, to be retried there", async () => {
		const staticData: IDataObject = {};
		const driver = await trigger('workflowEnd', staticData, async (workflowData) => {
			await runFor(staticData)(workflowData);
			// A later node failed: n8n saved the run's static data all the same, and answers 500.
			throw new Error('Error in workflow');
		});
		expect((await deliver(driver, payload(706))).status).toBe(500);
		expect(await deliver(driver, payload(706))).toEqual({
			status: 200,
			body: '{"success":true}',
		});
		expect(driver.crashes).toHaveLength(1);
	});

	it('writes the same keys in the run as on delivery, Simplify on or off', async () => {
		for (const simplify of [true, false]) {
			const staticData: IDataObject = {};
			const json = simplify ? exactTransaction(payload(707)) : payload(707);
			await runStep('workflowEnd', staticData, [{ json }], simplify);
			expect(saved(staticData)).toEqual(keyList(deliveryKeys(payload(707), false)));
		}
		expect(keyList(deliveryKeys(payload(0), false))).toEqual([]);
	});

	it('an execution n8n resumes after a restart (no delivery claimed it here) passes on nothing another run already ran', async () => {
		const staticData: IDataObject = {};
		// Resumed, nothing else ran it: it runs, and counts as under way for the poll.
		const first = await runStep('workflowEnd', staticData, [{ json: payload(708) }]);
		expect(first.output).toEqual([[expect.objectContaining({ json: payload(708) })]]);
		// Resumed again while that run is under way (or after the poll ran it): nothing passed on.
		const again = await runStep('workflowEnd', staticData, [{ json: payload(708) }]);
		expect(again.output).toEqual([[]]);
	});

	it('On Receipt: the step only passes the items on (n8n saves the memory when it answers)', async () => {
		const staticData: IDataObject = {};
		await deliver(await trigger('onReceipt', staticData), payload(602));
		delete staticData.global;
		const { output } = await runStep('onReceipt', staticData);
		expect(output).toEqual([[expect.objectContaining({ json: payload(601) })]]);
		expect(staticData.global).toBeUndefined();
	});
});
