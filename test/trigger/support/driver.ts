/**
 * Runs the trigger nodes the way n8n's CLI does around n8n-core's real contexts:
 * - `serveWebhook`: an HTTP server on 127.0.0.1 that, per request, loads the workflow's static
 *   data (as saved JSON), runs the node's `webhook()` in a WebhookContext with an express-like
 *   request (body parsed as n8n parses it, `rawBody` kept) and response, answers like n8n's
 *   webhook-helpers when the node did not, records "executions" (workflowData), then saves the
 *   static data if it changed (LiveWebhooks does the same after each call).
 * - `activate` / `deactivate`: the node's checkExists → create / delete in a HookContext.
 * - `poll`: the node's `poll()` in a PollContext, keeping the workflow in memory between polls.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { createAdditionalData } from '../../harness/additional-data';
import type { CredentialStore } from '../../harness/credential-store';
import { buildWorkflow } from '../../harness/workflow';

export interface DriverOptions {
	node: INodeType;
	parameters: INodeParameters;
	store: CredentialStore;
	credentials?: string[];
}

export interface Execution {
	items: INodeExecutionData[];
}

export interface WebhookDriver {
	/** Production URL of the node, as SePay must call it. */
	url: string;
	executions: Execution[];
	/** Errors thrown by the node (n8n would answer 500). */
	crashes: Error[];
	/** Static data as saved to the "database" (parsed). */
	savedStaticData(): IDataObject;
	activate(activation?: WorkflowActivateMode): Promise<{ created: boolean }>;
	deactivate(): Promise<boolean>;
	setParameters(parameters: INodeParameters): void;
	/** Forgets the saved static data (as if n8n lost it, e.g. a re-imported workflow). */
	forgetStaticData(): void;
	close(): Promise<void>;
}

const WEBHOOK_ID = 'a1b2c3d4-0000-4000-8000-sepaytrigger';

class FakeResponse {
	statusCode = 200;

	headersSent = false;

	private readonly headers: Record<string, string> = {};

	constructor(private readonly res: ServerResponse) {}

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	json(body: unknown): this {
		this.setHeader('content-type', 'application/json; charset=utf-8');
		return this.send(JSON.stringify(body));
	}

	send(body: string | Buffer): this {
		if (this.headersSent) throw new Error('Response already sent');
		this.headersSent = true;
		this.res.writeHead(this.statusCode, this.headers);
		this.res.end(body);
		return this;
	}

	end(): this {
		if (!this.headersSent) this.send('');
		return this;
	}
}

/** Form fields of a multipart body (n8n parses multipart itself and keeps no raw bytes). */
function multipartFields(raw: Buffer, contentType: string): IDataObject {
	const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
	if (!boundary) return {};
	const fields: IDataObject = {};
	for (const part of raw.toString('utf8').split(`--${boundary}`)) {
		const match = /name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(part);
		if (match) fields[match[1]] = match[2];
	}
	return { data: fields, files: {} };
}

/** What n8n's body parser leaves in req.body / req.rawBody for each content type. */
function parseLikeN8n(raw: Buffer, contentType: string): { body: unknown; rawBody?: Buffer } {
	const type = contentType.toLowerCase();
	if (type.includes('multipart/form-data')) return { body: multipartFields(raw, contentType) };
	const text = raw.toString('utf8');
	if (type.includes('application/x-www-form-urlencoded')) {
		return { body: Object.fromEntries(new URLSearchParams(text)), rawBody: raw };
	}
	if (type.includes('json')) {
		try {
			return { body: text === '' ? {} : JSON.parse(text), rawBody: raw };
		} catch {
			return { body: {}, rawBody: raw };
		}
	}
	return { body: text, rawBody: raw };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function serveWebhook(options: DriverOptions): Promise<WebhookDriver> {
	let parameters = options.parameters;
	let saved = '{}';
	const executions: Execution[] = [];
	const crashes: Error[] = [];
	let baseUrl = '';

	const build = (mode: WorkflowExecuteMode) => {
		const built = buildWorkflow(
			{
				node: options.node,
				parameters,
				store: options.store,
				credentials: options.credentials,
				nodeOverrides: { webhookId: WEBHOOK_ID },
			},
			{ staticData: JSON.parse(saved) as IDataObject },
		);
		const additionalData = createAdditionalData(options.store, mode, built.workflowData, {
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		});
		const description = (options.node.description.webhooks ?? [])[0] as IWebhookDescription;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: built.node.name,
			path: `${WEBHOOK_ID}/${String(description.path)}`,
			webhookDescription: description,
			workflowId: built.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
		};
		return { ...built, additionalData, webhookData, description };
	};

	const save = (workflow: Workflow) => {
		if ((workflow.staticData as IDataObject).__dataChanged === true) saved = JSON.stringify(workflow.staticData);
	};

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const raw = await readBody(req);
		if (req.method !== 'POST' || req.url !== `/webhook/${WEBHOOK_ID}/webhook`) {
			res.writeHead(404).end();
			return;
		}
		const { workflow, node, additionalData, webhookData, description } = build('webhook');
		const parsed = parseLikeN8n(raw, String(req.headers['content-type'] ?? ''));
		const request = Object.assign(req, { body: parsed.body, rawBody: parsed.rawBody, query: {}, params: {} });
		const response = new FakeResponse(res);
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		let result: IWebhookResponseData;
		try {
			result = await (options.node.webhook as (this: unknown) => Promise<IWebhookResponseData>).call(context);
		} catch (error) {
			crashes.push(error as Error);
			if (!response.headersSent) response.status(500).json({ message: 'Error in workflow' });
			return;
		}
		save(workflow);
		if (result.workflowData !== undefined) executions.push({ items: result.workflowData[0] ?? [] });
		if (response.headersSent) return;
		// What n8n's webhook-helpers would answer for the node (it never leaves a request hanging here).
		if (result.noWebhookResponse) response.status(500).json({ message: 'driver: node claimed to answer but did not' });
		else if (result.workflowData === undefined) response.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
		else response.status(200).send(String(description.responseData ?? 'firstEntryJson'));
	};

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			crashes.push(error);
			if (!res.headersSent) res.writeHead(500).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const hook = async (activation: WorkflowActivateMode, method: 'checkExists' | 'create' | 'delete') => {
		const { workflow, node, additionalData, webhookData } = build('trigger');
		const context = new HookContext(workflow, node, additionalData, 'trigger', activation, webhookData);
		const methods = options.node.webhookMethods?.default as Record<string, (this: unknown) => Promise<boolean>>;
		const result = await methods[method].call(context);
		save(workflow);
		return result;
	};

	return {
		url: `${baseUrl}/webhook/${WEBHOOK_ID}/webhook`,
		executions,
		crashes,
		savedStaticData: () => JSON.parse(saved) as IDataObject,
		async activate(activation = 'activate') {
			if (await hook(activation, 'checkExists')) return { created: false };
			await hook(activation, 'create');
			return { created: true };
		},
		deactivate: async () => await hook('update', 'delete'),
		setParameters(next) {
			parameters = next;
		},
		forgetStaticData() {
			saved = '{}';
		},
		close: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

export interface PollDriver {
	poll(mode?: WorkflowExecuteMode): Promise<INodeExecutionData[][] | null>;
	staticData(): IDataObject;
}

/** A polling trigger kept "active": one workflow object whose static data lives across polls. */
export function pollingTrigger(options: DriverOptions): PollDriver {
	const { workflow, node, workflowData } = buildWorkflow(
		{ node: options.node, parameters: options.parameters, store: options.store, credentials: options.credentials },
		{ staticData: {} },
	);
	return {
		async poll(mode = 'trigger') {
			const additionalData = createAdditionalData(options.store, mode, workflowData);
			const context = new PollContext(workflow, node, additionalData, mode, 'activate');
			return await (options.node.poll as (this: unknown) => Promise<INodeExecutionData[][] | null>).call(context);
		},
		staticData: () => workflow.staticData as IDataObject,
	};
}
