/**
 * The workflow's first node in runNode: stands in for "Manual Trigger + items" and emits the
 * test's input items, so our node receives them from WorkflowExecute with real source and
 * pairedItem data, exactly as after any upstream node.
 */
import type { IExecuteFunctions, INode, INodeExecutionData, INodeType } from 'n8n-workflow';

export const START_NODE_NAME = 'Start';

export function createStartNode(items: INodeExecutionData[]): { node: INode; type: INodeType } {
	const type: INodeType = {
		description: {
			displayName: 'Harness Start',
			name: 'harness.start',
			group: ['input'],
			version: 1,
			description: 'Emits the test items',
			defaults: { name: START_NODE_NAME },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
		},
	} as INodeType;
	const node: INode = {
		id: 'harness-start',
		name: START_NODE_NAME,
		type: 'harness.start',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return { node, type };
}
