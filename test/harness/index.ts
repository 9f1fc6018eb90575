/** Test harness: runs our nodes through n8n-core's real execution code. See README.md. */
export { createCredentialStore, CredentialStore } from './credential-store';
export type { CredentialStoreOptions, CredentialStoreStats } from './credential-store';
export { HarnessCredentialsHelper } from './credentials-helper';
export { runNode } from './run-node';
export type { RunNodeOptions, RunNodeResult } from './run-node';
export { NODE_NAME } from './workflow';
export type { NodeSetup } from './workflow';
