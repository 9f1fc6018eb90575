/**
 * runHook: calls a trigger's `webhookMethods[name].checkExists|create|delete` through
 * n8n-core's HookContext, as n8n does when a workflow is activated or deactivated.
 * `activateWebhook` / `deactivateWebhook` follow n8n's sequence (checkExists → create, delete).
 */
import { HookContext } from 'n8n-core';
import type { IDataObject, IWebhookData, WorkflowActivateMode } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { createAdditionalData, INSTANCE_BASE_URL } from './additional-data';
import { getNodeWebhooks, HARNESS_WEBHOOK_ID } from './webhooks';
import { buildWorkflow, type NodeSetup } from './workflow';

export type HookMethod = 'checkExists' | 'create' | 'delete';

export interface HookRun extends NodeSetup {
	/** Workflow static data; pass the same object again to keep what `create` stored. */
	staticData?: IDataObject;
	/**
	 * n8n's webhook base URL (default http://localhost:5678/webhook); the node then sees
	 * `<webhookBaseUrl>/harness-webhook-id/<path>` from getNodeWebhookUrl, as in n8n.
	 */
	webhookBaseUrl?: string;
	/** Overrides what getNodeWebhookUrl returns (the one non-n8n shortcut, for odd URLs). */
	webhookUrl?: string;
	/** Which webhook description (default 'default'). */
	webhookName?: string;
	/** Default: 'activate' for checkExists/create, 'update' for delete (n8n's clearWebhooks). */
	activation?: WorkflowActivateMode;
}

export async function runHook(options: HookRun & { method: HookMethod }): Promise<boolean> {
	const { workflow, node, store, workflowData, saveStaticData } = buildWorkflow(
		{ ...options, nodeOverrides: { webhookId: HARNESS_WEBHOOK_ID, ...options.nodeOverrides } },
		{ staticData: options.staticData, active: true },
	);
	// n8n registers webhooks in mode 'trigger' and removes them in mode 'internal'.
	const mode = options.method === 'delete' ? 'internal' : 'trigger';
	const activation = options.activation ?? (options.method === 'delete' ? 'update' : 'activate');
	const additionalData = createAdditionalData(store, mode, workflowData, {
		webhookBaseUrl: options.webhookBaseUrl ?? `${INSTANCE_BASE_URL}/webhook`,
	});
	const name = options.webhookName ?? 'default';
	const webhookData: IWebhookData | undefined = getNodeWebhooks(
		workflow,
		node,
		additionalData,
		mode,
	).find((w) => w.webhookDescription.name === name);
	if (!webhookData) throw new UnexpectedError(`Node has no webhook named "${name}"`);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const methods = nodeType.webhookMethods as
		| Record<string, Partial<Record<HookMethod, (this: HookContext) => Promise<boolean>>>>
		| undefined;
	const hook = methods?.[name]?.[options.method];
	if (!hook) throw new UnexpectedError(`Node has no webhookMethods.${name}.${options.method}`);
	const context = new HookContext(workflow, node, additionalData, mode, activation, webhookData);
	if (options.webhookUrl !== undefined) {
		const url = options.webhookUrl;
		context.getNodeWebhookUrl = () => url;
	}
	const result = Boolean(await hook.call(context));
	saveStaticData();
	return result;
}

/** What n8n does on activation: checkExists, then create when it returned false. */
export async function activateWebhook(options: HookRun): Promise<{ created: boolean }> {
	if (await runHook({ ...options, method: 'checkExists' })) return { created: false };
	await runHook({ ...options, method: 'create' });
	return { created: true };
}

/** What n8n does on deactivation. */
export async function deactivateWebhook(options: HookRun): Promise<boolean> {
	return await runHook({ ...options, method: 'delete' });
}
