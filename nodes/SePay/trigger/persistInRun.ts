import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { WorkflowMemory } from '../transactions/workflowMemory';
import { persistRun } from './answerAfterRun';
import { deliveryKeys } from './deliveryKeys';

/**
 * The SePay Trigger's step in an execution a delivery started: passes the delivery's items on
 * unchanged and, when SePay is answered after the run ("When the Workflow Finishes", n8n's
 * `lastNode` response mode), has the transaction remembered where n8n saves it once the run's
 * execution is saved (see answerAfterRun.ts). It must happen during the run: n8n 2.41 builds a
 * second Workflow over the request's static data before the run (establishContextForPersistence),
 * which resets its change flag, so a write from webhook() would not be saved.
 */
export function passDeliveryOn(this: IExecuteFunctions): INodeExecutionData[][] {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.acknowledge !== 'workflowEnd' || this.getMode() === 'manual') return [items];
	const simplified = options.simplify !== false;
	// A repeat only in executions deliveries start (a resumed one included), never in a retry.
	const skipRepeats = options.deduplicate !== false && this.getMode() === 'webhook';
	const passOn = persistRun(
		new WorkflowMemory(this),
		items.map((item) => deliveryKeys(item.json, simplified)),
		skipRepeats,
	);
	return [items.filter((_, i) => passOn[i])];
}
