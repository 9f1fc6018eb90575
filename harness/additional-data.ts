/**
 * IWorkflowExecuteAdditionalData as n8n's CLI builds it for an execution, reduced to what a
 * community node can reach: our credentials helper, lifecycle hooks, instance URLs.
 * Sub-workflows and task runners do not exist here and say so when called.
 */
import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import './setup';

/** Base URL the harness pretends n8n runs at (used for webhook URLs in hooks). */
export const INSTANCE_BASE_URL = 'http://localhost:5678';

export function createAdditionalData(
	store: CredentialStore,
	mode: WorkflowExecuteMode,
	workflowData: IWorkflowBase,
	overrides: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const executionId = randomUUID();
	const unavailable = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not available in the test harness`);
	};
	const additionalData = {
		credentialsHelper: store.helper,
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		executeWorkflow: unavailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unavailable('startRunnerTask'),
		logAiEvent: () => undefined,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${INSTANCE_BASE_URL}/rest`,
		instanceBaseUrl: `${INSTANCE_BASE_URL}/`,
		formWaitingBaseUrl: `${INSTANCE_BASE_URL}/form-waiting`,
		webhookBaseUrl: `${INSTANCE_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${INSTANCE_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${INSTANCE_BASE_URL}/webhook-test`,
		variables: {},
		...overrides,
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}
