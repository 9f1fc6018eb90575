/**
 * Benchmark (not a test): Transaction → Get Many with Return All over 20,000 transactions against
 * the emulator enforcing SePay's 3 requests/second, with the credential paced at 3/s as in
 * production. Prints `list_ratio_to_ceiling: <x>` = achieved records/second ÷ (3 × per_page).
 * It can reach slightly above 1: the first window's 3 calls may go at once, the rest is paced.
 *
 *   npm run bench:list                       # API token (API v2), one run
 *   npm run bench:list -- --auth oAuth2 --runs 2 --transactions 20000
 */
import type { IDataObject } from 'n8n-workflow';

import { SePayApi } from '../credentials/SePayApi.credentials';
import { SePayOAuth2Api } from '../credentials/SePayOAuth2Api.credentials';
import { SePay } from '../nodes/SePay/SePay.node';
import { startEmulator } from '../emulator';
import { createCredentialStore, runNode } from '../harness';

const PER_SECOND = 3;
const PER_PAGE = 100;

function arg(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

interface RunFigures {
	run: number;
	ok: boolean;
	records: number;
	unique: number;
	seconds: number;
	requests: number;
	rateLimited: number;
	recordsPerSecond: number;
	ratio: number;
	error?: string;
}

async function main(): Promise<void> {
	const auth = arg('auth', 'apiToken') === 'oAuth2' ? 'oAuth2' : 'apiToken';
	const runs = Math.max(1, Number(arg('runs', '1')));
	const transactions = Math.max(1, Number(arg('transactions', '20000')));
	const ceiling = PER_SECOND * PER_PAGE;
	const figures: RunFigures[] = [];
	for (let run = 1; run <= runs; run++) {
		// A fresh emulator per run: its rate-limit window and request counters start empty.
		const emu = await startEmulator({
			port: 0,
			seed: 1,
			transactions,
			rateLimit: { perSecond: PER_SECOND },
		});
		const common = { environment: 'custom', baseUrl: emu.baseUrl, requestsPerSecond: PER_SECOND };
		const store = createCredentialStore(
			{
				sePayApi: { ...common, apiToken: emu.secrets.apiToken },
				sePayOAuth2Api: {
					...common,
					clientId: emu.secrets.oauthClientId,
					clientSecret: emu.secrets.oauthClientSecret,
					oauthTokenData: emu.issueOAuthToken() as unknown as IDataObject,
				},
			},
			{ credentialTypes: [new SePayApi(), new SePayOAuth2Api()] },
		);
		const started = process.hrtime.bigint();
		let records = 0;
		let unique = 0;
		let error: string | undefined;
		try {
			const result = await runNode({
				node: new SePay(),
				store,
				credentials: [auth === 'apiToken' ? 'sePayApi' : 'sePayOAuth2Api'],
				parameters: {
					authentication: auth,
					resource: 'transaction',
					operation: 'getAll',
					returnAll: true,
				},
			});
			const items = result.output[0] ?? [];
			records = items.length;
			unique = new Set(items.map((item) => String(item.json.id))).size;
		} catch (caught) {
			error = (caught as Error).message;
		}
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		const recordsPerSecond = records / seconds;
		figures.push({
			run,
			ok: !error && records === transactions && unique === transactions,
			records,
			unique,
			seconds,
			requests: emu.counters.total,
			rateLimited: emu.counters.rateLimited,
			recordsPerSecond,
			ratio: recordsPerSecond / ceiling,
			error,
		});
		await emu.close();
	}

	console.log(
		`Return All over ${transactions} transactions, ${auth}, emulator limit ${PER_SECOND}/s, per_page ${PER_PAGE}, ceiling ${ceiling} records/s`,
	);
	console.table(
		figures.map((f) => ({
			run: f.run,
			ok: f.ok,
			records: f.records,
			unique: f.unique,
			seconds: Number(f.seconds.toFixed(2)),
			requests: f.requests,
			'429s': f.rateLimited,
			'records/s': Number(f.recordsPerSecond.toFixed(1)),
			ratio: Number(f.ratio.toFixed(3)),
			...(f.error ? { error: f.error } : {}),
		})),
	);
	const ok = figures.filter((f) => f.ok);
	const failed = figures.length - ok.length;
	// The figure is the worst successful run; a failed run counts as 0.
	const ratio = failed > 0 ? 0 : Math.min(...ok.map((f) => f.ratio));
	console.log(`failed_runs: ${failed}`);
	console.log(`list_ratio_to_ceiling: ${ratio.toFixed(3)}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
