import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { WorkflowMemory } from '../transactions/workflowMemory';

/**
 * The SePay Trigger's step in an execution a delivery started: passes the delivery's items on
 * unchanged and, when SePay is answered after the run ("When the Workflow Finishes", n8n's
 * `lastNode` response mode), writes the shared memory into the execution's static data too.
 *
 * Why: n8n saves what webhook() remembered only when it answers, which in `lastNode` mode is after
 * the run. n8n 2.41 builds a second Workflow over the same static-data object before the run
 * (WorkflowRunner.establishContextForPersistence), which resets its `__dataChanged` flag, so that
 * save is skipped. The execution's own static data is saved when the run ends (workflowExecuteAfter)
 * if changed; writing back everything this process knows (WorkflowMemory.sync) lands the keys there.
 * Harmless where n8n already saves them (2.8): the same keys are written twice.
 */
export function passDeliveryOn(this: IExecuteFunctions): INodeExecutionData[][] {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.acknowledge === 'workflowEnd' && this.getMode() !== 'manual')
		new WorkflowMemory(this).sync();
	return [this.getInputData()];
}
