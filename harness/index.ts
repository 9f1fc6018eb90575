/** Test harness: runs our nodes through n8n-core's real execution code. See README.md. */
export { createCredentialStore, CredentialStore } from './credential-store';
export type { CredentialStoreOptions, CredentialStoreStats } from './credential-store';
export { HarnessCredentialsHelper } from './credentials-helper';
export { runNode } from './run-node';
export type { RunNodeOptions, RunNodeResult } from './run-node';
export { runListSearch, runLoadOptions } from './run-load-options';
export type { ListSearchRun, LoadOptionsRun } from './run-load-options';
export { activateWebhook, deactivateWebhook, runHook } from './run-hook';
export type { HookMethod, HookRun } from './run-hook';
export { runPoll } from './run-poll';
export type { PollRun } from './run-poll';
export { startWebhookServer } from './webhook-server';
export type { WebhookServer, WebhookServerOptions } from './webhook-server';
export { testCredential } from './test-credential';
export type { CredentialTestRun } from './test-credential';
export { HARNESS_WEBHOOK_ID } from './webhooks';
export { NODE_NAME } from './workflow';
export type { NodeSetup } from './workflow';

/** Key under which n8n keeps the node's `getWorkflowStaticData('node')` in workflow static data. */
export const NODE_STATIC_DATA_KEY = 'node:Node Under Test';
