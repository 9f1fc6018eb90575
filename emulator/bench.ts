/**
 * `npm run bench:emulator [-- --transactions 100000]`: how fast the emulator lists transactions at
 * scale. Prints start-up time and per-request latency (median / p95 / max) for typical queries.
 */
import { startEmulator } from './index';

function stats(samples: number[]): string {
	const s = [...samples].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
	return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
}

async function main(): Promise<void> {
	const i = process.argv.indexOf('--transactions');
	const count = i > 0 ? Number(process.argv[i + 1]) : 100_000;
	const started = performance.now();
	const emu = await startEmulator({ port: 0, transactions: count });
	console.log(
		`start-up with ${count} transactions: ${(performance.now() - started).toFixed(0)} ms`,
	);
	const v2 = { Authorization: `Bearer ${emu.secrets.apiToken}` };
	const v1 = { Authorization: `Bearer ${emu.issueOAuthToken().access_token}` };
	const txs = emu.state.transactions;
	const mid = txs[Math.floor(txs.length / 2)];
	const cases: [string, string, Record<string, string>][] = [
		['v2 first page (100)', '/v2/transactions?per_page=100', v2],
		['v2 last page (100)', `/v2/transactions?per_page=100&page=${Math.ceil(txs.length / 100)}`, v2],
		[
			'v2 since_id near the end, asc',
			`/v2/transactions?since_id=${txs[Math.max(0, txs.length - 150)].uuid}&transaction_date_sort=asc&per_page=100`,
			v2,
		],
		[
			'v2 since_id mid, asc, page 5',
			`/v2/transactions?since_id=${mid.uuid}&transaction_date_sort=asc&per_page=100&page=5`,
			v2,
		],
		[
			'v2 one account',
			`/v2/transactions?bank_account_id=${emu.state.accounts[0].uuid}&per_page=100`,
			v2,
		],
		[
			'v2 amount range (full scan)',
			'/v2/transactions?amount_in_min=1000000&amount_in_max=5000000&per_page=100',
			v2,
		],
		['v2 text search (full scan)', '/v2/transactions?q=hoc%20phi&per_page=100', v2],
		['v2 amount sort (scan + sort)', '/v2/transactions?amount_in_sort=desc&per_page=100', v2],
		[
			'v1 one day',
			`/api/v1/transactions?from_date=${mid.transactionDate.slice(0, 10)}&to_date=${mid.transactionDate.slice(0, 10)}&limit=100`,
			v1,
		],
		[
			'v1 one account, page 10',
			`/api/v1/transactions?bank_account_id=${emu.state.accounts[1].id}&limit=100&page=10`,
			v1,
		],
	];
	for (const [label, path, headers] of cases) {
		const samples: number[] = [];
		for (let n = 0; n < 30; n++) {
			const t = performance.now();
			const res = await fetch(emu.baseUrl + path, { headers });
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
			samples.push(performance.now() - t);
		}
		console.log(`${label.padEnd(34)} ${stats(samples)}`);
	}
	await emu.close();
}

void main();
