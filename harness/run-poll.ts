/**
 * runPoll: one poll of a polling trigger through n8n-core's PollContext and
 * TriggersAndPollers.runPoll, as n8n's scheduler (mode 'trigger') or the editor's
 * "Fetch test event" (mode 'manual') does. Static data persists in the object passed in.
 */
import { Container, type Constructable } from '@n8n/di';
import { PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IPollFunctions,
	Workflow,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { buildWorkflow, type NodeSetup } from './workflow';

interface TriggersAndPollersService {
	runPoll(
		workflow: Workflow,
		node: INode,
		context: IPollFunctions,
	): Promise<INodeExecutionData[][] | null>;
}

// Not exported from n8n-core's index; it is the service n8n's poller calls.
const { TriggersAndPollers } = require('n8n-core/dist/execution-engine/triggers-and-pollers') as {
	TriggersAndPollers: Constructable<TriggersAndPollersService>;
};

export interface PollRun extends NodeSetup {
	staticData?: IDataObject;
	mode?: 'manual' | 'trigger';
}

export async function runPoll(options: PollRun): Promise<INodeExecutionData[][] | null> {
	const mode = options.mode ?? 'trigger';
	const { workflow, node, store, workflowData, saveStaticData } = buildWorkflow(options, {
		staticData: options.staticData,
		active: mode === 'trigger',
	});
	const additionalData = createAdditionalData(store, mode, workflowData);
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const result = await Container.get(TriggersAndPollers).runPoll(workflow, node, context);
	saveStaticData();
	return result;
}
