/**
 * The three SePay Trigger workflows of the `trigger` suite and the fixed values they share with
 * the checks (webhook ids, keys, which seeded bank account feeds which workflow). Each workflow
 * gets its own bank account, so every simulated transaction reaches exactly one of them.
 */
import type { Emulator } from '../../../emulator';
import { credentialRef } from '../../demo-credentials';
import type { WorkflowJson } from '../../n8n-instance';
import { chain, node, ourType } from '../../workflow-json';

export const TRIGGER_NODE = 'SePay Trigger';
export const NEXT_NODE = 'Done';

/** A: Manual, API key, Simplify and Deduplicate on, money in of at least MIN_AMOUNT only. */
export const WF_A = 'e2eTrigApiKey01';
export const HOOK_A = 'sepay-e2e-trigger-apikey-0001';
export const API_KEY_A = 'e2e-trigger-a-key-8c1f4e2a9b7d3c6e5f0a1b2c';
export const MIN_AMOUNT = 10_000;

/** B: Manual, HMAC (secret as node parameter), raw payload (Simplify off), both directions. */
export const WF_B = 'e2eTrigHmac0001';
export const HOOK_B = 'sepay-e2e-trigger-hmac-0001';
export const HMAC_SECRET_B = 'whsec_e2eTriggerB_3f9a1c7e5b2d8f4a6c0e9b1d';

/** C: Automatic registration through the OAuth2 demo credential, HMAC, money in, one account. */
export const WF_C = 'e2eTrigAuto0001';
export const HOOK_C = 'sepay-e2e-trigger-auto-0001';

export const webhookPath = (webhookId: string): string => `/webhook/${webhookId}/webhook`;

/**
 * Seeded accounts (same after every emulator reset): A's JSON webhook, B, C, A's form webhook,
 * A's retry webhook. Returns account numbers and ids.
 */
export function triggerAccounts(emu: Emulator) {
	const [aJson, b, c, aForm, aRetry] = emu.state.accounts;
	if (!aRetry) throw new Error('the emulator needs five seeded bank accounts');
	return { aJson, b, c, aForm, aRetry };
}

export function triggerWorkflows(emu: Emulator): WorkflowJson[] {
	const { c } = triggerAccounts(emu);
	const noOp = () => node(NEXT_NODE, 'n8n-nodes-base.noOp');
	return [
		chain(WF_A, 'e2e trigger A: manual, API key, simplified, deduplicated', [
			node(
				TRIGGER_NODE,
				ourType('sePayTrigger'),
				{
					registration: 'manual',
					verification: 'apiKey',
					apiKey: API_KEY_A,
					direction: 'in',
					filters: { minAmount: MIN_AMOUNT },
					options: { simplify: true, deduplicate: true },
				},
				{ webhookId: HOOK_A },
			),
			noOp(),
		]),
		chain(WF_B, 'e2e trigger B: manual, HMAC, raw payload', [
			node(
				TRIGGER_NODE,
				ourType('sePayTrigger'),
				{
					registration: 'manual',
					verification: 'hmac',
					hmacSecret: HMAC_SECRET_B,
					direction: 'both',
					options: { simplify: false },
				},
				{ webhookId: HOOK_B },
			),
			noOp(),
		]),
		chain(WF_C, 'e2e trigger C: automatic registration (OAuth2), HMAC', [
			node(
				TRIGGER_NODE,
				ourType('sePayTrigger'),
				{
					registration: 'automatic',
					verification: 'hmac',
					direction: 'in',
					filters: { accountNumbers: c.accountNumber },
					options: {},
				},
				{ webhookId: HOOK_C, credentials: credentialRef('oAuth2') },
			),
			noOp(),
		]),
	];
}

/** A published-style workflow: SePay Trigger (manual registration, API key, both directions) → Done. */
export function apiKeyTriggerWorkflow(
	workflowId: string,
	name: string,
	webhookId: string,
	apiKey: string,
): WorkflowJson {
	return chain(workflowId, name, [
		node(
			TRIGGER_NODE,
			ourType('sePayTrigger'),
			{ registration: 'manual', verification: 'apiKey', apiKey, direction: 'both', options: {} },
			{ webhookId },
		),
		node(NEXT_NODE, 'n8n-nodes-base.noOp'),
	]);
}
