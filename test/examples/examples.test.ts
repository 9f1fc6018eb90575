/**
 * The example workflows are what a new user imports first: they must be n8n workflow JSON whose
 * SePay nodes carry only parameters the node shows (n8n drops the rest silently), valid option
 * values and the right credential types; and their SePay action steps must work against the
 * emulator with the data the trigger gives them. (The end-to-end suite imports them into n8n.)
 */
import './vietnamTimezone';
import '../../harness/setup';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { SePayApi } from '../../credentials/SePayApi.credentials';
import { SePayEInvoiceApi } from '../../credentials/SePayEInvoiceApi.credentials';
import { SePayOAuth2Api } from '../../credentials/SePayOAuth2Api.credentials';
import { SePay } from '../../nodes/SePay/SePay.node';
import { SePayPaymentGatewayTrigger } from '../../nodes/SePay/SePayPaymentGatewayTrigger.node';
import { SePayPollingTrigger } from '../../nodes/SePay/SePayPollingTrigger.node';
import { SePayTrigger } from '../../nodes/SePay/SePayTrigger.node';
import { startEmulator, type Emulator } from '../../emulator';
import { createCredentialStore, runNode } from '../../harness';

interface WorkflowNode extends INode {
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const DIR = join(__dirname, '../../examples');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const workflows = files.map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Workflow] as const);
const OUR_TYPES: Record<string, INodeTypeDescription> = {
	'n8n-nodes-sepay.sePay': new SePay().description,
	'n8n-nodes-sepay.sePayTrigger': new SePayTrigger().description,
	'n8n-nodes-sepay.sePayPollingTrigger': new SePayPollingTrigger().description,
	'n8n-nodes-sepay.sePayPaymentGatewayTrigger': new SePayPaymentGatewayTrigger().description,
};
const isExpression = (v: unknown) => typeof v === 'string' && v.startsWith('=');

/** Problems with one SePay node's parameters, judged by n8n's own parameter resolution. */
function parameterProblems(node: WorkflowNode, description: INodeTypeDescription): string[] {
	const given = { ...node.parameters };
	if (description.polling) delete given.pollTimes; // n8n adds this property to polling nodes itself
	const shown = NodeHelpers.getNodeParameters(description.properties, given, true, false, node, description) ?? {};
	const problems: string[] = [];
	for (const [name, value] of Object.entries(given)) {
		if (!(name in shown)) {
			problems.push(`${node.name}: parameter ${name} is not shown for these settings (n8n would drop it)`);
			continue;
		}
		const property = description.properties.find((p) => p.name === name && NodeHelpers.displayParameter(shown, p, node, description));
		if (property) problems.push(...valueProblems(node.name, property, value));
	}
	return problems;
}

function valueProblems(where: string, property: INodeProperties, value: unknown): string[] {
	if (isExpression(value)) return [];
	const label = `${where}: ${property.name}`;
	if (property.type === 'options' && !property.typeOptions?.loadOptionsMethod) {
		const allowed = (property.options ?? []).map((o) => ('value' in o ? o.value : undefined));
		return allowed.includes(value as string) ? [] : [`${label} = ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`];
	}
	if (property.type === 'collection' && value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, inner]) => {
			const option = (property.options ?? []).find((o) => 'name' in o && o.name === key && 'type' in o) as INodeProperties | undefined;
			return option ? valueProblems(`${label}`, option, inner) : [`${label}.${key} is no option of this collection`];
		});
	}
	if (property.type === 'fixedCollection' && value && typeof value === 'object') {
		return Object.entries(value).flatMap(([group, rows]) => {
			const spec = (property.options ?? []).find((o) => o.name === group) as { values?: INodeProperties[] } | undefined;
			if (!spec?.values) return [`${label}.${group} is no group of this collection`];
			return ([] as INodeParameters[]).concat(rows as INodeParameters[]).flatMap((row) =>
				Object.entries(row).flatMap(([key, inner]) => {
					const field = spec.values!.find((v) => v.name === key);
					return field ? valueProblems(`${label}.${group}`, field, inner) : [`${label}.${group}.${key} is no field`];
				}),
			);
		});
	}
	if (property.type === 'boolean' && typeof value !== 'boolean') return [`${label} should be true or false`];
	if (property.type === 'number' && typeof value !== 'number') return [`${label} should be a number`];
	return [];
}

describe('example workflows', () => {
	it('there are the four examples', () => {
		expect(files.length).toBeGreaterThanOrEqual(4);
	});

	it.each(workflows)('%s is importable n8n workflow JSON', (_file, wf) => {
		expect(wf.id).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(typeof wf.name).toBe('string');
		const names = wf.nodes.map((n) => n.name);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(wf.nodes.map((n) => n.id)).size).toBe(wf.nodes.length);
		for (const [from, outputs] of Object.entries(wf.connections)) {
			expect(names).toContain(from);
			for (const link of outputs.main.flat()) expect(names).toContain(link.node);
		}
		for (const node of wf.nodes) {
			expect(node.type).toMatch(/^(n8n-nodes-base\.[A-Za-z]+|n8n-nodes-sepay\.(sePay|sePayTrigger|sePayPollingTrigger|sePayPaymentGatewayTrigger))$/);
			expect(typeof node.typeVersion).toBe('number');
		}
		expect(wf.nodes.some((n) => n.type in OUR_TYPES)).toBe(true);
	});

	it.each(workflows)('%s: SePay nodes have valid parameters and credentials', (_file, wf) => {
		const problems: string[] = [];
		for (const node of wf.nodes.filter((n) => n.type in OUR_TYPES)) {
			const description = OUR_TYPES[node.type];
			problems.push(...parameterProblems(node, description));
			const shown = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
			const needed = (description.credentials ?? []).filter((c) => NodeHelpers.displayParameter(shown, c, node, description));
			const given = Object.keys(node.credentials ?? {});
			for (const c of needed) if (c.required && !given.includes(c.name)) problems.push(`${node.name}: credential ${c.name} missing`);
			for (const g of given) if (!needed.some((c) => c.name === g)) problems.push(`${node.name}: credential ${g} is not used here`);
		}
		expect(problems).toEqual([]);
	});
});

describe('example workflows: SePay steps against the emulator', () => {
	let emu: Emulator;
	let store: ReturnType<typeof createCredentialStore>;
	const example = (prefix: string) => workflows.find(([f]) => f.startsWith(prefix))![1];
	const step = (wf: Workflow, name: string) => wf.nodes.find((n) => n.name === name)!;
	/** A transaction as the SePay Trigger outputs it (Simplify on). */
	const payment = {
		id: 92704,
		date: '2026-11-22 10:15:00',
		bankAccountNumber: '0071000888888',
		bank: 'Vietcombank',
		direction: 'in',
		amount: 150000,
		balance: 1150000,
		content: 'DH123456 thanh toan',
		paymentCode: 'DH123456',
		reference: 'FT26326000001',
		subAccount: null,
	};

	beforeAll(async () => {
		emu = await startEmulator({ port: 0, seed: 1, transactions: 2000, rateLimit: false, einvoiceJobDelayMs: 20 });
		const custom = { environment: 'custom', baseUrl: emu.baseUrl, requestsPerSecond: 100 };
		store = createCredentialStore(
			{
				sePayApi: { ...custom, apiToken: emu.secrets.apiToken },
				sePayEInvoiceApi: { ...custom, clientId: emu.secrets.einvoiceClientId, clientSecret: emu.secrets.einvoiceClientSecret },
			},
			{ credentialTypes: [new SePayApi(), new SePayOAuth2Api(), new SePayEInvoiceApi()] },
		);
	});
	afterAll(async () => emu?.close());

	it('example 3 issues one invoice per payment and downloads its PDF', async () => {
		const wf = example('3-');
		const create = step(wf, 'Create and Issue Invoice');
		const fast = { ...create.parameters, options: { pollInterval: 0.05, timeout: 20 } };
		const first = await runNode({ node: new SePay(), parameters: fast, store, items: [{ json: payment }] });
		const invoice = first.output[0][0].json;
		expect(invoice).toMatchObject({ reference_code: 'SEPAY-92704', status: 'issued', total_amount: 150000, alreadyExisted: false });

		const download = step(wf, 'Download PDF');
		const file = await runNode({ node: new SePay(), parameters: download.parameters, store, items: [{ json: invoice }] });
		expect(file.output[0][0].binary?.data?.mimeType).toBe('application/pdf');

		// SePay retries the webhook: the same transaction gives back the same invoice, not a second one.
		const again = await runNode({ node: new SePay(), parameters: fast, store, items: [{ json: payment }] });
		expect(again.output[0][0].json).toMatchObject({ reference_code: 'SEPAY-92704', alreadyExisted: true });
		const pdfAgain = await runNode({ node: new SePay(), parameters: download.parameters, store, items: [{ json: again.output[0][0].json }] });
		expect(pdfAgain.output[0][0].binary?.data?.mimeType).toBe('application/pdf');
	});

	it('example 4 asks SePay for all of yesterday, Vietnam time', async () => {
		const wf = example('4-');
		const list = step(wf, "Yesterday's Transactions");
		// Vietnam is UTC+7 all year (no daylight saving).
		const yesterday = new Date(Date.now() + 7 * 3600_000 - 86400_000).toISOString().slice(0, 10);
		emu.clearRequests();
		const { output } = await runNode({ node: new SePay(), parameters: list.parameters, store, credentials: ['sePayApi'] });
		const asked = emu.requests.filter((r) => r.method === 'GET' && r.path === '/v2/transactions');
		expect(asked.length).toBeGreaterThan(0);
		expect(asked[0].query).toMatchObject({
			transaction_date_from: `${yesterday} 00:00:00`,
			transaction_date_to: `${yesterday} 23:59:59`,
		});
		const expected = emu.state.transactions.filter((t) => t.transactionDate.startsWith(yesterday)).length;
		expect(output[0] ?? []).toHaveLength(expected);
	});
});
