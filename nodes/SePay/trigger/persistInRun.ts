import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { WorkflowMemory } from '../transactions/workflowMemory';
import { persistRun } from './answerAfterRun';
import { deliveryKeys } from './deliveryKeys';

/**
 * The SePay Trigger's step in an execution a delivery started: passes the delivery's items on
 * unchanged and, when SePay is answered after the run ("When the Workflow Finishes", n8n's
 * `lastNode` response mode), writes the transaction into this execution's static data (see
 * answerAfterRun.ts).
 *
 * Why here: the run works on its own copy of the workflow's static data, read from the database
 * when it starts (n8n 2.8 and 2.41: WorkflowRunner's loadStaticData), and n8n saves that copy when
 * the run ends (workflowExecuteAfter, if changed, whether the run succeeded or not), before it
 * answers. What webhook() could write is in the request's copy, which n8n 2.41 no longer saves in
 * this mode, and which would hold the transaction from before the run.
 */
export function passDeliveryOn(this: IExecuteFunctions): INodeExecutionData[][] {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.acknowledge === 'workflowEnd' && this.getMode() !== 'manual') {
		const simplified = options.simplify !== false;
		persistRun(
			new WorkflowMemory(this),
			items.map((item) => deliveryKeys(item.json, simplified)),
		);
	}
	return [items];
}
