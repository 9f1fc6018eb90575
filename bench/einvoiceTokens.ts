/**
 * Benchmark (not a test): how many eInvoice token requests (POST /v1/token) the SePay node makes
 * while creating invoices — 100 per run, Wait for Completion on, one credential shared by all runs
 * as n8n's credential store would be. The last run starts with every token expired (→ one 401, one
 * re-fetch). Prints
 *   einvoice_token_requests_per_100_items: <n>   (the first run: empty token cache, worst case)
 * and per-run lines. Expected: 1 in the first run, 0 in later runs, 1 after expiry.
 *
 *   npm run bench:einvoice
 *   npm run bench:einvoice -- --runs 3 --items 100 --rps 50
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { SePayEInvoiceApi } from '../credentials/SePayEInvoiceApi.credentials';
import { SePay } from '../nodes/SePay/SePay.node';
import { startEmulator } from '../emulator';
import { createCredentialStore, runNode } from '../harness';

function arg(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
	const runs = Math.max(1, Number(arg('runs', '2')));
	const items = Math.max(1, Number(arg('items', '100')));
	// Pace of the credential (Custom environment): token counts do not depend on it, only the time.
	const rps = Math.max(0.1, Number(arg('rps', '200')));
	const emu = await startEmulator({
		port: 0,
		seed: 1,
		transactions: 1,
		einvoiceJobDelayMs: 0,
		einvoiceQuota: 1_000_000,
	});
	try {
		const store = createCredentialStore(
			{
				sePayEInvoiceApi: {
					environment: 'custom',
					baseUrl: emu.baseUrl,
					clientId: emu.secrets.einvoiceClientId,
					clientSecret: emu.secrets.einvoiceClientSecret,
					requestsPerSecond: rps,
				},
			},
			{ credentialTypes: [new SePayEInvoiceApi()] },
		);
		const account = emu.state.einvoice.providerAccounts[0];
		const parameters = {
			resource: 'invoice',
			operation: 'create',
			providerAccountId: account.id,
			template: `1|${account.templates[0].invoice_series}`,
			createAs: 'issue',
			buyerName: 'Benchmark buyer',
			items: { item: [{ itemName: 'Service', quantity: 1, unitPrice: 100000, taxRate: '10' }] },
			options: { pollInterval: 0.01, timeout: 30 },
		};
		const tokenRequests = () => emu.countRequests('POST', '/v1/token');
		const perRun: Array<{
			run: number;
			expired: boolean;
			tokens: number;
			invoices: number;
			seconds: number;
		}> = [];
		for (let run = 1; run <= runs + 1; run++) {
			const expired = run === runs + 1;
			if (expired) emu.expireTokens();
			const input: INodeExecutionData[] = Array.from({ length: items }, (_, i) => ({
				json: { id: run * 1_000_000 + i },
			}));
			const before = tokenRequests();
			const started = process.hrtime.bigint();
			const { output } = await runNode({ node: new SePay(), parameters, store, items: input });
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			const invoices = output[0].filter((item) => item.json.status === 'issued').length;
			perRun.push({ run, expired, tokens: tokenRequests() - before, invoices, seconds });
		}
		const scale = 100 / items;
		console.log(`einvoice_token_requests_per_100_items: ${perRun[0].tokens * scale}`);
		for (const r of perRun) {
			const label = r.expired ? `run_${r.run}_after_expiry` : `run_${r.run}`;
			console.log(
				`${label}: items=${items} issued=${r.invoices} token_requests=${r.tokens} seconds=${r.seconds.toFixed(2)}`,
			);
		}
		console.log(
			`einvoice_token_requests_total: ${tokenRequests()} for ${items * perRun.length} items in ${perRun.length} runs`,
		);
		console.log(
			`einvoice_unauthorized_responses: ${emu.requests.filter((r) => r.status === 401).length}`,
		);
		if (perRun.some((r) => r.invoices !== items)) process.exitCode = 1;
	} finally {
		await emu.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
