/**
 * The webhooks a trigger node declares, resolved like n8n's WebhookService.getNodeWebhooks:
 * method, path and isFullPath may be expressions; the production path is
 * `<webhookId>/<path>` under `<webhookBaseUrl>`.
 */
import type {
	INode,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** The webhookId n8n would give the node; fixed so URLs are predictable in tests. */
export const HARNESS_WEBHOOK_ID = 'harness-webhook-id';

export function getNodeWebhooks(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
): IWebhookData[] {
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const descriptions: IWebhookDescription[] = nodeType.description.webhooks ?? [];
	return descriptions.map((description) => {
		const resolve = <T>(value: unknown, fallback: T): T =>
			(workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				mode,
				{},
				undefined,
				fallback as never,
			) as T) ?? fallback;
		const path = String(resolve(description.path, ''));
		const isFullPath = resolve<boolean>(description.isFullPath, false);
		return {
			httpMethod: String(
				resolve(description.httpMethod, 'GET'),
			).toUpperCase() as IWebhookData['httpMethod'],
			node: node.name,
			path: NodeHelpers.getNodeWebhookPath(workflow.id, node, path.replace(/^\//, ''), isFullPath),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
		};
	});
}
