/**
 * Test copies of the example workflows (examples/*.json) for the `examples-run` suite: the file
 * as shipped, with a new id and name, SePay credentials pointed at the demo credentials, the
 * trigger's API key set and a webhook id of its own (the originals stay importable next to the
 * copies), and every third-party node (Google Sheets, HTTP Request to the shop, Telegram, Send
 * Email) replaced by a No Op node of the same name, so connections and run data keep their shape
 * and nothing leaves 127.0.0.1. Example 1 polls every 5 s instead of every minute; example 4 gets
 * a Manual Trigger next to its Schedule Trigger so `n8n execute` can start it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Emulator } from '../../../emulator';
import { REPO_ROOT } from '../../cache';
import { credentialRef, type DemoCredentialKey } from '../../demo-credentials';
import type { WorkflowJson } from '../../n8n-instance';

const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
const SEPAY_TYPE_PREFIX = 'n8n-nodes-sepay.';

type NodeJson = {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
};

/** Which demo credential replaces a credential type of ours. */
const DEMO_FOR: Record<string, DemoCredentialKey> = {
	sePayApi: 'apiToken',
	sePayOAuth2Api: 'oAuth2',
	sePayEInvoiceApi: 'eInvoice',
};

export const EX1 = {
	file: '1-new-transaction-to-google-sheets.json',
	id: 'e2eExRunSheets01',
	trigger: 'New Incoming Transaction',
	sink: 'Append Row',
};
export const EX2 = {
	file: '2-order-paid-telegram.json',
	id: 'e2eExRunOrderPaid1',
	trigger: 'Payment With Order Code',
	webhookId: 'sepay-e2e-example2-order-paid',
	apiKey: 'e2e-example2-key-4b7c1d9e2f6a8c3e5d0b',
	replaced: ['Mark Order Paid', 'Notify on Telegram'],
};
export const EX3 = {
	file: '3-payment-to-einvoice-email.json',
	id: 'e2eExRunInvoice01',
	trigger: 'Payment Received',
	webhookId: 'sepay-e2e-example3-einvoice',
	apiKey: 'e2e-example3-key-9d2e6f1a4c8b3e7d5a0c',
	create: 'Create and Issue Invoice',
	download: 'Download PDF',
	sink: 'Email Invoice',
};
export const EX4 = {
	file: '4-daily-reconciliation.json',
	id: 'e2eExRunDailyRec1',
	list: "Yesterday's Transactions",
	summary: 'Summarize',
	manual: 'Run Now (e2e)',
};

/** Poll Times of 12 custom crons (seconds 0, 5, … 55): n8n polls every 5 s (see polling.ts). */
export const POLL_EVERY_S = 5;
const FIVE_SECOND_POLLS = {
	item: Array.from({ length: 60 / POLL_EVERY_S }, (_, i) => ({
		mode: 'custom',
		cronExpression: `${i * POLL_EVERY_S} * * * * *`,
	})),
};

export const webhookPath = (webhookId: string): string => `/webhook/${webhookId}/webhook`;

function readExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

/** The example as a test copy; `patch` edits named nodes (after the general changes). */
function testCopy(
	file: string,
	id: string,
	replaced: string[],
	patch: Record<string, (n: NodeJson) => void> = {},
): WorkflowJson {
	const wf = readExample(file);
	const names = new Set((wf.nodes as NodeJson[]).map((n) => n.name));
	for (const name of [...replaced, ...Object.keys(patch)]) {
		if (!names.has(name))
			throw new Error(`${file}: no node "${name}" (the example changed; update the e2e test copy)`);
	}
	const nodes = (wf.nodes as NodeJson[]).map((original): NodeJson => {
		if (replaced.includes(original.name)) {
			return {
				id: original.id,
				name: original.name,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: original.position,
				parameters: {},
			};
		}
		const n: NodeJson = JSON.parse(JSON.stringify(original)) as NodeJson;
		if (n.type.startsWith(SEPAY_TYPE_PREFIX) && n.credentials) {
			n.credentials = Object.assign(
				{},
				...Object.keys(n.credentials).map((type) => {
					if (!DEMO_FOR[type])
						throw new Error(`${file}: credential type ${type} has no demo credential`);
					return credentialRef(DEMO_FOR[type]);
				}),
			) as NodeJson['credentials'];
		}
		patch[n.name]?.(n);
		return n;
	});
	return { ...wf, id, name: `e2e copy of ${wf.name}`, nodes, active: false, pinData: {} };
}

function setTrigger(webhookId: string, apiKey: string) {
	return (n: NodeJson) => {
		n.webhookId = webhookId;
		n.parameters.apiKey = apiKey;
	};
}

export function exampleCopies(emu: Emulator): WorkflowJson[] {
	const providerAccount = emu.state.einvoice.providerAccounts[0];
	return [
		// The example polls every minute; the copy every 5 s so the suite stays short.
		testCopy(EX1.file, EX1.id, [EX1.sink], {
			[EX1.trigger]: (n) => void (n.parameters.pollTimes = FIVE_SECOND_POLLS),
		}),
		testCopy(EX2.file, EX2.id, EX2.replaced, {
			[EX2.trigger]: setTrigger(EX2.webhookId, EX2.apiKey),
		}),
		testCopy(EX3.file, EX3.id, [EX3.sink], {
			[EX3.trigger]: setTrigger(EX3.webhookId, EX3.apiKey),
			// The example's id is seed 1's first provider account; follow the emulator in case the seed changes.
			[EX3.create]: (n) => void (n.parameters.providerAccountId = providerAccount.id),
		}),
		withManualStart(testCopy(EX4.file, EX4.id, []), EX4.manual, EX4.list),
	];
}

/**
 * `n8n execute` starts only from a Manual Trigger (or an Execute Workflow Trigger), not from a
 * Schedule Trigger: the copy keeps "Every Morning" and gets a Manual Trigger wired to the same node.
 */
function withManualStart(wf: WorkflowJson, name: string, target: string): WorkflowJson {
	const manual: NodeJson = {
		id: 'e2e00000-0000-4000-8000-000000000401',
		name,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 200],
		parameters: {},
	};
	return {
		...wf,
		nodes: [...wf.nodes, manual],
		connections: {
			...wf.connections,
			[name]: { main: [[{ node: target, type: 'main', index: 0 }]] },
		},
	};
}
