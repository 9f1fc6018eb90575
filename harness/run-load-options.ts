/**
 * runLoadOptions / runListSearch: call a node's `methods.loadOptions[m]` or
 * `methods.listSearch[m]` as n8n's editor backend does, with n8n-core's LoadOptionsContext on
 * a one-node workflow and `currentNodeParameters` set to the node's parameters.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { buildWorkflow, type NodeSetup } from './workflow';

export interface LoadOptionsRun extends NodeSetup {
	method: string;
	/** Path of the parameter being loaded (default `parameters.<method>`), for `&sibling` lookups. */
	path?: string;
}

export interface ListSearchRun extends LoadOptionsRun {
	filter?: string;
	paginationToken?: string;
}

function createContext(options: LoadOptionsRun) {
	const { workflow, node, store, workflowData } = buildWorkflow(options);
	// The editor sends the node's full parameters (defaults included) as currentNodeParameters.
	const additionalData = createAdditionalData(store, 'internal', workflowData, {
		currentNodeParameters: node.parameters,
	});
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		options.path ?? `parameters.${options.method}`,
	);
	return { nodeType, context };
}

export async function runLoadOptions(options: LoadOptionsRun): Promise<INodePropertyOptions[]> {
	const { nodeType, context } = createContext(options);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new UnexpectedError(`Node has no loadOptions method "${options.method}"`);
	return await method.call(context);
}

export async function runListSearch(options: ListSearchRun): Promise<INodeListSearchResult> {
	const { nodeType, context } = createContext(options);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new UnexpectedError(`Node has no listSearch method "${options.method}"`);
	return await method.call(context, options.filter, options.paginationToken);
}
