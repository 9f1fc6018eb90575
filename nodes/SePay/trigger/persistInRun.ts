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
 * Why here: n8n saves the execution's static data when the run ends (workflowExecuteAfter, if
 * changed, whether the run succeeded or not), before it answers. Only a write during the run is
 * sure to be in that save: n8n 2.41 builds a second Workflow over the same static-data object
 * before the run (WorkflowRunner.establishContextForPersistence), which resets its change flag.
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
