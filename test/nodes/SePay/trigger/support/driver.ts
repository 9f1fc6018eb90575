/**
 * The trigger nodes on the shared harness (n8n-core's real contexts): a thin adapter that keeps
 * the tests short — one webhook server per trigger with its static data and parameters, the
 * activation hooks against that server's URL, and a poller that keeps its static data.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowActivateMode,
} from 'n8n-workflow';

import {
	activateWebhook,
	deactivateWebhook,
	NODE_STATIC_DATA_KEY,
	runPoll,
	startWebhookServer,
} from '../../../../../harness';
import type { CredentialStore } from '../../../../../harness/credential-store';

export interface DriverOptions {
	node: INodeType;
	parameters: INodeParameters;
	store: CredentialStore;
	/** One workflow's static data, to put several trigger drivers in one workflow. */
	staticData?: IDataObject;
	/** Stands in for the run n8n makes before answering (responseMode 'lastNode'). */
	beforeAnswer?: (workflowData: INodeExecutionData[][]) => Promise<void>;
}

export interface Execution {
	items: INodeExecutionData[];
}

export interface WebhookDriver {
	/** Production URL of the node, as SePay must call it. */
	url: string;
	/** One entry per request that started the workflow. */
	readonly executions: Execution[];
	/** Errors thrown by the node (n8n answers 500). */
	readonly crashes: Error[];
	/** The node's static data as n8n saved it. */
	nodeStaticData(): IDataObject;
	/** The workflow's global static data (the SePay triggers' shared memory). */
	globalStaticData(): IDataObject;
	/** n8n's activation (checkExists → create); `webhookUrl` stands in for another URL, e.g. the test URL. */
	activate(activation?: WorkflowActivateMode, webhookUrl?: string): Promise<{ created: boolean }>;
	deactivate(webhookUrl?: string): Promise<boolean>;
	/** Replaces the node's parameters (as if the user edited and re-published). */
	setParameters(parameters: INodeParameters): void;
	/** Forgets the static data (as if n8n lost it, e.g. a re-imported workflow). */
	forgetStaticData(): void;
	/** Replaces the static data (e.g. as a previous version saved it). */
	seedStaticData(data: IDataObject): void;
	close(): Promise<void>;
}

function replaceContents<T extends object>(target: T, source: T): void {
	for (const key of Object.keys(target)) delete (target as IDataObject)[key];
	Object.assign(target, source);
}

export async function serveWebhook(options: DriverOptions): Promise<WebhookDriver> {
	// The harness re-reads these objects on every request and hook call.
	const parameters: INodeParameters = { ...options.parameters };
	const staticData: IDataObject = options.staticData ?? {};
	const server = await startWebhookServer({
		node: options.node,
		parameters,
		store: options.store,
		staticData,
		beforeAnswer: options.beforeAnswer,
	});
	const hookOptions = (activation?: WorkflowActivateMode, webhookUrl?: string) => ({
		node: options.node,
		parameters,
		store: options.store,
		staticData,
		webhookBaseUrl: server.webhookBaseUrl,
		webhookUrl,
		activation,
	});
	return {
		url: server.webhookUrl,
		get executions() {
			return server.executions.map((workflowData) => ({ items: workflowData[0] ?? [] }));
		},
		get crashes() {
			return server.errors;
		},
		nodeStaticData: () => (staticData[NODE_STATIC_DATA_KEY] ?? {}) as IDataObject,
		globalStaticData: () => (staticData.global ?? {}) as IDataObject,
		activate: async (activation = 'activate', webhookUrl?: string) =>
			await activateWebhook(hookOptions(activation, webhookUrl)),
		deactivate: async (webhookUrl?: string) =>
			await deactivateWebhook(hookOptions('update', webhookUrl)),
		setParameters: (next) => replaceContents(parameters, next),
		forgetStaticData: () => replaceContents(staticData, {}),
		seedStaticData: (data) => replaceContents(staticData, structuredClone(data)),
		close: async () => await server.close(),
	};
}

export interface PollDriver {
	poll(mode?: 'manual' | 'trigger'): Promise<INodeExecutionData[][] | null>;
	nodeStaticData(): IDataObject;
	globalStaticData(): IDataObject;
}

/** A polling trigger kept "active": its static data lives across polls. */
export function pollingTrigger(options: DriverOptions): PollDriver {
	const staticData: IDataObject = options.staticData ?? {};
	return {
		poll: async (mode = 'trigger') => await runPoll({ ...options, staticData, mode }),
		nodeStaticData: () => (staticData[NODE_STATIC_DATA_KEY] ?? {}) as IDataObject,
		globalStaticData: () => (staticData.global ?? {}) as IDataObject,
	};
}

/** A SePay Trigger verified by API key (Manual registration), both directions. */
export function apiKeyTrigger(apiKey: string, options: IDataObject = {}): INodeParameters {
	return {
		registration: 'manual',
		verification: 'apiKey',
		apiKey,
		direction: 'both',
		options: options as INodeParameters['options'],
	};
}
