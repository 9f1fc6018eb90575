/**
 * Builds the real n8n-workflow `Workflow` the contexts run in: our node, optionally fed by a
 * start node, with credentials referenced by id/name as in a saved workflow.
 */
import type {
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IWorkflowBase,
} from 'n8n-workflow';
import { deepCopy, Workflow } from 'n8n-workflow';

import { createCredentialStore, type CredentialStore } from './credential-store';
import { HarnessNodeTypes, latestVersion, nodeTypeName, type AnyNodeType } from './node-types';

export const NODE_NAME = 'Node Under Test';

export interface NodeSetup {
	/** The node type under test, e.g. `new SePay()`. */
	node: AnyNodeType;
	parameters?: INodeParameters;
	/** Credential store; an empty one is used when omitted. */
	store?: CredentialStore;
	/**
	 * Credentials on the node: a types list (resolved to the store's id/name) or n8n's
	 * `{ type: { id, name } }`. Default: every stored type the node description lists.
	 */
	credentials?: string[] | INodeCredentials;
	typeVersion?: number;
	/** Extra fields for the INode (e.g. `webhookId`, `onError`). */
	nodeOverrides?: Partial<INode>;
}

export interface BuiltWorkflow {
	workflow: Workflow;
	node: INode;
	store: CredentialStore;
	workflowData: IWorkflowBase;
	/** Writes the run's static data back into the caller's object (n8n saves it to the DB). */
	saveStaticData(): void;
}

export function resolveStore(store?: CredentialStore): CredentialStore {
	return store ?? createCredentialStore({}, { credentialTypes: [] });
}

export function resolveCredentials(
	setup: NodeSetup,
	store: CredentialStore,
	version: number,
): INodeCredentials {
	const { credentials } = setup;
	if (credentials && !Array.isArray(credentials)) return credentials;
	if (credentials) return store.nodeCredentials(credentials);
	const described = new HarnessNodeTypes({ x: setup.node }).getByNameAndVersion('x', version)
		.description.credentials;
	return store.nodeCredentials((described ?? []).map((c) => c.name).filter((t) => store.has(t)));
}

/**
 * Like n8n, one workflow id per workflow: runs that share a static-data object are the same
 * workflow, a fresh static-data object is a new one (so process-level caches keyed by workflow
 * id behave as in n8n, where a new workflow never inherits an old one's state).
 */
const workflowIds = new WeakMap<object, string>();
let workflowCount = 0;

function workflowIdFor(staticData: IDataObject | undefined): string {
	if (!staticData) return 'harness-workflow';
	let id = workflowIds.get(staticData);
	if (!id) {
		id = `harness-workflow-${++workflowCount}`;
		workflowIds.set(staticData, id);
	}
	return id;
}

export function buildWorkflow(
	setup: NodeSetup,
	options: {
		extraNodes?: Array<{ node: INode; type: AnyNodeType }>;
		connections?: IConnections;
		staticData?: IDataObject;
		/** Whether the workflow is published/active (triggers run in active workflows). */
		active?: boolean;
		wrap?: (name: string, type: INodeType) => INodeType;
	} = {},
): BuiltWorkflow {
	const store = resolveStore(setup.store);
	const typeName = nodeTypeName(setup.node);
	const typeVersion = setup.typeVersion ?? latestVersion(setup.node);
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: typeName,
		typeVersion,
		position: [200, 0],
		parameters: setup.parameters ?? {},
		credentials: resolveCredentials(setup, store, typeVersion),
		...setup.nodeOverrides,
	};
	const types: Record<string, AnyNodeType> = { [typeName]: setup.node };
	for (const extra of options.extraNodes ?? []) types[extra.node.type] = extra.type;
	const nodes = [...(options.extraNodes ?? []).map((e) => e.node), node];
	const workflowData: IWorkflowBase = {
		id: workflowIdFor(options.staticData),
		name: 'Harness workflow',
		active: options.active ?? false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections: options.connections ?? {},
		settings: { executionOrder: 'v1' },
	} as IWorkflowBase;
	// Like n8n: each run gets the stored static data and saves it back afterwards, so the
	// caller's object never collects the Workflow's observable proxies.
	const stored = options.staticData;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections: workflowData.connections,
		active: options.active ?? false,
		nodeTypes: new HarnessNodeTypes(types, options.wrap),
		staticData: stored ? deepCopy(stored) : undefined,
		settings: workflowData.settings,
	});
	const saveStaticData = () => {
		if (!stored) return;
		for (const key of Object.keys(stored)) delete stored[key];
		Object.assign(stored, deepCopy(workflow.staticData));
	};
	// The Workflow constructor applied parameter defaults to its node object; hand that one out.
	return {
		workflow,
		node: workflow.getNode(NODE_NAME) as INode,
		store,
		workflowData,
		saveStaticData,
	};
}
