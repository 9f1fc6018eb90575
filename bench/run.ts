/**
 * `npm run bench`: every benchmark in one run, each a child process printing `name: value`
 * lines; then the headline figures against their targets. Figures, not assertions: the exit code
 * is non-zero only when a benchmark could not run at all.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

interface Bench {
	script: string;
	args?: string[];
}

const BENCHES: Bench[] = [
	{ script: 'bench/packedSize.ts' },
	{ script: 'bench/list.ts' },
	{ script: 'bench/einvoiceTokens.ts' },
	{ script: 'bench/memoryCost.ts' },
	{ script: 'bench/triggerThroughput.ts' },
	{ script: 'bench/queueTrigger.ts' },
];

const HEADLINES: Array<{ name: string; target: string; good: (value: number) => boolean }> = [
	{ name: 'list_ratio_to_ceiling', target: '>= 0.9', good: (v) => v >= 0.9 },
	{ name: 'einvoice_token_requests_per_100_items', target: '1', good: (v) => v <= 1 },
	{ name: 'trigger_ratio_to_webhook_node', target: '>= 0.95', good: (v) => v >= 0.95 },
	{ name: 'trigger_ratio_full_memory', target: '>= 0.95', good: (v) => v >= 0.95 },
	{ name: 'queue_trigger_ratio_to_webhook_node', target: '>= 0.95', good: (v) => v >= 0.95 },
	{ name: 'packed_kb', target: '< 150', good: (v) => v < 150 },
];

function runBench(bench: Bench): { figures: Map<string, string>; ok: boolean } {
	console.log(`\n### ${bench.script}`);
	const result = spawnSync(
		'npx',
		[
			'ts-node',
			'--transpile-only',
			'--prefer-ts-exts',
			'-P',
			'tsconfig.test.json',
			bench.script,
			...(bench.args ?? []),
		],
		{
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	process.stdout.write(result.stdout ?? '');
	const figures = new Map<string, string>();
	for (const line of (result.stdout ?? '').split('\n')) {
		const match = /^([a-z][a-z0-9_]*):\s+(\S+)\s*$/.exec(line.trim());
		if (match) figures.set(match[1], match[2]);
	}
	return { figures, ok: result.status === 0 };
}

function main(): void {
	const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	const all = new Map<string, string>();
	const failed: string[] = [];
	for (const bench of BENCHES) {
		if (only.length && !only.some((name) => bench.script.includes(name))) continue;
		const { figures, ok } = runBench(bench);
		if (!ok) failed.push(bench.script);
		for (const [name, value] of figures) all.set(name, value);
	}
	console.log('\n## Headline figures');
	console.log('| figure | value | target | |');
	console.log('| --- | --- | --- | --- |');
	for (const headline of HEADLINES) {
		const value = all.get(headline.name);
		const verdict =
			value === undefined ? 'not measured' : headline.good(Number(value)) ? 'ok' : 'below target';
		console.log(`| ${headline.name} | ${value ?? '-'} | ${headline.target} | ${verdict} |`);
	}
	for (const headline of HEADLINES)
		console.log(`${headline.name}: ${all.get(headline.name) ?? 'not measured'}`);
	if (failed.length) {
		console.log(`\nbenchmarks that could not run: ${failed.join(', ')}`);
		process.exitCode = 1;
	}
}

main();
