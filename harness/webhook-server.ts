/**
 * startWebhookServer: a real HTTP server on 127.0.0.1 that plays n8n's production webhook
 * endpoint (`/webhook/<webhookId>/<path>`) for one trigger node. Per request it parses the
 * body like n8n, runs the node's `webhook()` through n8n-core's WebhookContext and answers as
 * n8n 2.8's CLI does for `responseMode: 'onReceived'`. Every `workflowData` the node returns
 * is recorded as one execution (n8n would start the workflow with it). Static data persists.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import {
	BodyParseError,
	parseWebhookBody,
	toHarnessRequest,
	toHarnessResponse,
	type HarnessResponse,
} from './webhook-request';
import { getNodeWebhooks, HARNESS_WEBHOOK_ID } from './webhooks';
import { buildWorkflow, type NodeSetup } from './workflow';

export interface WebhookServerOptions extends NodeSetup {
	staticData?: IDataObject;
	/**
	 * Awaited before the request's static data is saved and answered, when it started the
	 * workflow: stands in for the run n8n makes first in responseMode 'lastNode' (e.g. run the
	 * node's execute() with runNode on the same static data).
	 */
	beforeAnswer?: (workflowData: INodeExecutionData[][]) => Promise<void>;
}

export interface WebhookServer {
	/** Server root, e.g. http://127.0.0.1:40123 */
	url: string;
	/** Production URL of the node's `default` webhook (what getNodeWebhookUrl returns). */
	webhookUrl: string;
	/** URL per webhook name. */
	webhookUrls: Record<string, string>;
	/** Base URL the node sees in hooks; pass it to runHook({ webhookBaseUrl }). */
	webhookBaseUrl: string;
	/** `workflowData` of each request that started the workflow. */
	executions: INodeExecutionData[][][];
	/** Errors thrown by the node's webhook() (answered with n8n's 500). */
	errors: Error[];
	staticData: IDataObject;
	close(): Promise<void>;
}

const WEBHOOK_PREFIX = '/webhook/';

/** ResponseHelper.sendSuccessResponse(res, data, raw = true, code) of n8n. */
function respond(res: HarnessResponse, data: unknown, responseCode = 200): void {
	if (res.headersSent || res.writableEnded) return;
	res.status(responseCode);
	if (typeof data === 'string') res.send(data);
	else res.json(data);
}

function respondError(res: HarnessResponse, status: number, body: IDataObject): void {
	if (res.headersSent || res.writableEnded) return;
	res.status(status).json(body);
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
	const staticData = options.staticData ?? {};
	const mode = 'webhook';
	const executions: INodeExecutionData[][][] = [];
	const errors: Error[] = [];
	let webhookBaseUrl = '';

	const server = createServer((rawReq, rawRes) => {
		void (async () => {
			const url = new URL(rawReq.url ?? '/', 'http://127.0.0.1');
			const req = toHarnessRequest(rawReq, url);
			const res = toHarnessResponse(rawRes);
			// One Workflow per request, as n8n loads the active workflow; static data is shared.
			const { workflow, node, store, workflowData, saveStaticData } = buildWorkflow(
				{ ...options, nodeOverrides: { webhookId: HARNESS_WEBHOOK_ID, ...options.nodeOverrides } },
				{ staticData, active: true },
			);
			const additionalData = createAdditionalData(store, mode, workflowData, { webhookBaseUrl });
			const path = url.pathname.startsWith(WEBHOOK_PREFIX)
				? url.pathname.slice(WEBHOOK_PREFIX.length).replace(/\/$/, '')
				: undefined;
			const webhookData: IWebhookData | undefined = getNodeWebhooks(
				workflow,
				node,
				additionalData,
				mode,
			).find((w) => w.path === path && w.httpMethod === req.method);
			if (!webhookData) {
				respondError(res, 404, {
					code: 404,
					message: `The requested webhook "${req.method} ${path ?? url.pathname}" is not registered.`,
				});
				return;
			}
			const { webhookDescription } = webhookData;
			const responseCode = Number(
				workflow.expression.getSimpleParameterValue(
					node,
					webhookDescription.responseCode as string,
					mode,
					{},
					undefined,
					200,
				),
			);
			// n8n's default when the description has no responseData is the literal 'firstEntryJson'.
			const responseData = workflow.expression.getComplexParameterValue(
				node,
				webhookDescription.responseData,
				mode,
				{},
				undefined,
				'firstEntryJson',
			);

			try {
				await parseWebhookBody(req, node.typeVersion);
			} catch (error) {
				if (error instanceof BodyParseError) {
					respondError(res, 422, { code: 422, message: error.message, hint: error.hint });
					return;
				}
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- answered with 500 below
				throw error;
			}

			additionalData.httpRequest = req as never;
			additionalData.httpResponse = res as never;
			const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			let result: IWebhookResponseData;
			try {
				const context = new WebhookContext(
					workflow,
					node,
					additionalData,
					mode,
					webhookData,
					[],
					null,
				);
				result = (await nodeType.webhook!.call(context)) as IWebhookResponseData;
			} catch (error) {
				errors.push(error as Error);
				respondError(res, 500, {
					code: 0,
					message: 'Workflow Webhook Error: Workflow could not be started!',
				});
				return;
			}

			// n8n runs the workflow first in responseMode 'lastNode', then saves and answers.
			if (result.workflowData !== undefined && options.beforeAnswer)
				await options.beforeAnswer(result.workflowData);
			saveStaticData();
			if (result.noWebhookResponse === true) {
				// The node answered itself through getResponseObject().
			} else if (result.workflowData === undefined) {
				respond(res, result.webhookResponse ?? { message: 'Webhook call received' }, responseCode);
			} else if (responseData === 'noData') {
				respond(res, undefined, responseCode);
			} else if (responseData) {
				respond(res, responseData, responseCode);
			} else if (result.webhookResponse !== undefined) {
				respond(res, result.webhookResponse, responseCode);
			} else {
				respond(res, { message: 'Workflow was started' }, responseCode);
			}
			if (result.workflowData !== undefined) executions.push(result.workflowData);
		})().catch((error: Error) => {
			errors.push(error);
			if (!rawRes.headersSent) {
				rawRes.writeHead(500, { 'content-type': 'application/json' });
				rawRes.end(
					JSON.stringify({ code: 0, message: 'There was a problem executing the workflow' }),
				);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	webhookBaseUrl = `${url}/webhook`;

	const { workflow, node, store, workflowData } = buildWorkflow(
		{ ...options, nodeOverrides: { webhookId: HARNESS_WEBHOOK_ID, ...options.nodeOverrides } },
		{ staticData: {}, active: true },
	);
	const additionalData = createAdditionalData(store, mode, workflowData, { webhookBaseUrl });
	const webhookUrls: Record<string, string> = {};
	for (const webhook of getNodeWebhooks(workflow, node, additionalData, mode)) {
		webhookUrls[webhook.webhookDescription.name] = `${webhookBaseUrl}/${webhook.path}`;
	}
	return {
		url,
		webhookUrl: webhookUrls.default,
		webhookUrls,
		webhookBaseUrl,
		executions,
		errors,
		staticData,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) =>
				server.close((e) => (e ? reject(e) : resolve())),
			);
		},
	};
}
