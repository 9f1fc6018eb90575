/**
 * What an e2e suite is. A suite is one file in suites/ exporting `suite: E2ESuite`; the runner
 * finds it by itself. Per n8n version the runner imports every suite's credentials and workflows
 * (one CLI call each), runs every `headless` part (n8n CLI only), publishes the `publish` ids,
 * starts the server once, then runs every `live` part. The emulator is reset (tokens kept)
 * before each part.
 */
import type { Emulator } from '../emulator';
import type { ExecuteResult, N8nInstance, WorkflowJson, CredentialJson } from './n8n-instance';
import type { ExecutionRecord } from './n8n-rest';

export interface SuiteEnv {
	emu: Emulator;
	/** The n8n the workflows will run in (e.g. for webhook URLs). */
	n8nBaseUrl: string;
}

export interface BaseContext {
	version: string;
	n8n: N8nInstance;
	emu: Emulator;
	/** Runs one named check; a throw marks it failed (the suite goes on). */
	test(name: string, fn: () => Promise<void> | void): Promise<void>;
}

export interface HeadlessContext extends BaseContext {
	/** `n8n execute --id`; the output is the run data. */
	execute(workflowId: string): Promise<ExecuteResult>;
}

export interface LiveContext extends BaseContext {
	/** Public-API key of the owner (X-N8N-API-KEY). */
	apiKey: string;
	/** The owner's session cookie, for the editor's /rest and /types endpoints. */
	cookie: string;
	/** GET/POST… to n8n as the owner (session cookie); JSON body parsed. */
	request(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; json: Record<string, unknown> }>;
	executions(workflowId: string): Promise<ExecutionRecord[]>;
	waitForExecutions(
		workflowId: string,
		count?: number,
		timeoutMs?: number,
	): Promise<ExecutionRecord[]>;
}

export interface E2ESuite {
	name: string;
	/** Extra credentials (the three demo credentials are always imported). */
	credentials?(env: SuiteEnv): CredentialJson[];
	workflows?(env: SuiteEnv): WorkflowJson[];
	/** Workflow ids to publish (activate) before the server starts. */
	publish?: string[];
	headless?(ctx: HeadlessContext): Promise<void>;
	live?(ctx: LiveContext): Promise<void>;
	/**
	 * Runs against an n8n and an emulator of its own: for suites whose workflows poll every
	 * transaction and receive every delivery, so other suites' transactions would count as theirs.
	 */
	ownInstance?: boolean;
}

export interface CheckResult {
	version: string;
	suite: string;
	name: string;
	ok: boolean;
	error?: string;
	ms: number;
}
