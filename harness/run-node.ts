/**
 * runNode: executes a node's `execute()` the way n8n runs a saved workflow, through
 * n8n-core's WorkflowExecute on a two-node workflow (start → node under test). Everything
 * the node calls (getNodeParameter, getCredentials, helpers.httpRequestWithAuthentication,
 * prepareBinaryData, continueOnFail, ...) is n8n-core's real ExecuteContext.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { createStartNode, START_NODE_NAME } from './start-node';
import { buildWorkflow, NODE_NAME, type NodeSetup } from './workflow';

export interface RunNodeOptions extends NodeSetup {
	/** Input items (default: one empty item, like after a Manual Trigger). */
	items?: INodeExecutionData[];
	/** Sets the node's "On Error" to "Continue (regular output)". */
	continueOnFail?: boolean;
	/** Execution mode (default 'manual'; production executions use 'trigger'/'webhook'). */
	mode?: WorkflowExecuteMode;
	/** Workflow static data, shared across runs when the same object is passed again. */
	staticData?: IDataObject;
}

export interface RunNodeResult {
	/** The node's outputs, one array of items per output. */
	output: INodeExecutionData[][];
	/** The error the node threw, also when continueOnFail kept the workflow going. */
	error?: Error;
	/** n8n's full run data, for assertions on hints, metadata or the start node. */
	run: IRun;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const start = createStartNode(options.items ?? [{ json: {} }]);
	let thrown: Error | undefined;
	// Keep the exact instance the node threw: WorkflowExecute stores only a plain copy.
	const wrap = (name: string, type: INodeType): INodeType => {
		if (name === start.node.type || typeof type.execute !== 'function') return type;
		const execute = type.execute;
		const wrapped = Object.create(type) as INodeType;
		wrapped.execute = async function (this: unknown, ...args: unknown[]) {
			try {
				return await (execute as (...a: unknown[]) => Promise<unknown>).apply(this, args);
			} catch (error) {
				thrown = error as Error;
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- pass through untouched
				throw error;
			}
		} as INodeType['execute'];
		return wrapped;
	};
	const mode = options.mode ?? 'manual';
	const { workflow, store, workflowData, saveStaticData } = buildWorkflow(
		{
			...options,
			nodeOverrides: {
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...options.nodeOverrides,
			},
		},
		{
			extraNodes: [start],
			connections: {
				[START_NODE_NAME]: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
			},
			staticData: options.staticData,
			wrap,
		},
	);
	const additionalData = createAdditionalData(store, mode, workflowData);
	const startNode = workflow.getNode(START_NODE_NAME) ?? undefined;
	let run: IRun;
	try {
		run = await new WorkflowExecute(additionalData, mode).run({ workflow, startNode });
	} catch (error) {
		// WorkflowExecute refuses a workflow with parameter issues before running anything.
		throw withIssues(workflow, error as Error);
	}

	const task = run.data.resultData.runData[NODE_NAME]?.[0];
	const failure = run.data.resultData.error ?? task?.error;
	if (failure && !options.continueOnFail) {
		if (thrown) throw thrown;
		throw new UnexpectedError(failure.message, { cause: failure });
	}
	saveStaticData();
	if (!task) throw new UnexpectedError('The node did not run', { extra: { status: run.status } });
	return { output: (task.data?.main ?? []).map((items) => items ?? []), error: thrown, run };
}

/** Adds the node's parameter issues to n8n's generic "workflow has issues" error. */
function withIssues(workflow: Workflow, error: Error): Error {
	const node = workflow.getNode(NODE_NAME) as INode;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const issues = NodeHelpers.getNodeParametersIssues(
		nodeType.description.properties,
		node,
		nodeType.description,
	);
	if (issues) error.message += ` Issues: ${JSON.stringify(issues.parameters ?? issues)}`;
	return error;
}
