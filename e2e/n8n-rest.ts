/**
 * Talking to a running n8n over HTTP: owner setup (the first account), an API key, and the public
 * API's executions list with run data. The auth cookie is bound to the `browser-id` header, so
 * every request sends the same one.
 */
export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const DEFAULT_OWNER: Owner = {
	email: 'owner@sepay-demo.local',
	password: 'SePayDemo-2026',
	firstName: 'SePay',
	lastName: 'Demo',
};

const BROWSER_ID = 'sepay-e2e-browser';

export interface ExecutionRecord {
	id: string | number;
	workflowId: string;
	finished: boolean;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt?: string;
	data?: {
		resultData?: {
			runData?: Record<
				string,
				Array<{
					data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
					error?: unknown;
				}>
			>;
			error?: unknown;
		};
	};
}

/** One JSON request to n8n with the fixed browser-id; `cookie` from ownerSession, or an API key. */
export async function n8nRequest(
	baseUrl: string,
	method: string,
	path: string,
	init: { body?: unknown; cookie?: string; apiKey?: string } = {},
) {
	const headers: Record<string, string> = { 'browser-id': BROWSER_ID, accept: 'application/json' };
	if (init.body !== undefined) headers['content-type'] = 'application/json';
	if (init.cookie) headers.cookie = init.cookie;
	if (init.apiKey) headers['x-n8n-api-key'] = init.apiKey;
	const res = await fetch(`${baseUrl}${path}`, {
		method,
		headers,
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
		signal: AbortSignal.timeout(30_000),
	});
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	return {
		status: res.status,
		json: json as Record<string, unknown>,
		cookie: res.headers.get('set-cookie')?.split(';')[0],
	};
}

/** Creates the owner account (first run) or logs in (owner exists); returns the auth cookie. */
export async function ownerSession(baseUrl: string, owner: Owner = DEFAULT_OWNER): Promise<string> {
	const setup = await n8nRequest(baseUrl, 'POST', '/rest/owner/setup', { body: owner });
	if (setup.status === 200 && setup.cookie) return setup.cookie;
	const login = await n8nRequest(baseUrl, 'POST', '/rest/login', {
		body: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password },
	});
	if (login.status !== 200 || !login.cookie) {
		throw new Error(
			`n8n owner setup (HTTP ${setup.status}) and login (HTTP ${login.status}) both failed: ${JSON.stringify(login.json).slice(0, 300)}`,
		);
	}
	return login.cookie;
}

/** A public-API key for the owner, with every scope the owner's role allows. */
export async function createApiKey(
	baseUrl: string,
	cookie: string,
	label = `sepay-e2e-${Date.now()}`,
): Promise<string> {
	const scopes = await n8nRequest(baseUrl, 'GET', '/rest/api-keys/scopes', { cookie });
	const list = (scopes.json?.data ?? []) as string[];
	const created = await n8nRequest(baseUrl, 'POST', '/rest/api-keys', {
		cookie,
		body: { label, expiresAt: null, scopes: list },
	});
	const raw = (created.json?.data as { rawApiKey?: string } | undefined)?.rawApiKey;
	if (created.status !== 200 || !raw)
		throw new Error(
			`n8n API key creation failed (HTTP ${created.status}): ${JSON.stringify(created.json).slice(0, 300)}`,
		);
	return raw;
}

/** Executions of a workflow with their run data, newest first. */
export async function listExecutions(
	baseUrl: string,
	apiKey: string,
	workflowId: string,
): Promise<ExecutionRecord[]> {
	const r = await n8nRequest(
		baseUrl,
		'GET',
		`/api/v1/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=100`,
		{ apiKey },
	);
	if (r.status !== 200)
		throw new Error(
			`GET /api/v1/executions: HTTP ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`,
		);
	return (r.json.data ?? []) as ExecutionRecord[];
}

/** Polls until `count` finished executions of the workflow exist (bounded). */
export async function waitForExecutions(
	baseUrl: string,
	apiKey: string,
	workflowId: string,
	count = 1,
	timeoutMs = 60_000,
): Promise<ExecutionRecord[]> {
	const started = Date.now();
	for (;;) {
		const list = (await listExecutions(baseUrl, apiKey, workflowId)).filter(
			(e) => e.stoppedAt || e.finished || e.status === 'error' || e.status === 'success',
		);
		if (list.length >= count) return list;
		if (Date.now() - started > timeoutMs)
			throw new Error(
				`only ${list.length} of ${count} executions of workflow ${workflowId} after ${Math.round(timeoutMs / 1000)} s`,
			);
		await new Promise((r) => setTimeout(r, 500));
	}
}

/** The output items of one node in an execution's run data (first run, first output). */
export function nodeOutput(
	execution: ExecutionRecord,
	nodeName: string,
	runIndex = 0,
	outputIndex = 0,
): Array<Record<string, unknown>> {
	const run = execution.data?.resultData?.runData?.[nodeName]?.[runIndex];
	return (run?.data?.main?.[outputIndex] ?? []).map((i) => i.json);
}
