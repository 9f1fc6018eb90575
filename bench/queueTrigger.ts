/**
 * Benchmark (figures, never assertions): the SePay Trigger against n8n's bare Webhook node in
 * n8n's queue mode, both through ONE webhook processor (2 workers execute, PostgreSQL, Redis),
 * same bursts, one run: `queue_trigger_ratio_to_webhook_node` (target ≥ 0.95). Same workflows,
 * deliveries and measure as triggerThroughput.ts (execs/s = finished executions ÷ first send →
 * last stoppedAt; rounds alternate the order; medians).
 *
 *   npm run bench:queue -- [--burst 300] [--concurrency 10] [--rounds 3] [--keep]
 */
import { ensureN8n } from '../e2e/n8n-install';
import { createApiKey, ownerSession } from '../e2e/n8n-rest';
import { say } from '../e2e/progress';
import { setActive } from '../e2e/queue/activate';
import { QueueCluster } from '../e2e/queue/cluster';
import { QUEUE_VERSION } from '../e2e/queue/run-queue';
import {
	alternatingRounds,
	buildTargets,
	fixed,
	median,
	runBenchProcess,
	runRound,
	waitUntilLive,
} from './triggerThroughput';

const LABEL = 'bench:queue';

function parseArgs(argv: string[]) {
	const args = { burst: 300, concurrency: 10, rounds: 3, keep: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		const n = () => {
			const v = Number(inline ?? argv[++i]);
			if (!Number.isInteger(v) || v < 1 || v > 20_000)
				throw new Error(`${flag} takes a whole number 1–20000`);
			return v;
		};
		if (flag === '--burst') args.burst = n();
		else if (flag === '--concurrency') args.concurrency = n();
		else if (flag === '--rounds') args.rounds = n();
		else if (flag === '--keep') args.keep = true;
		else throw new Error(`unknown argument ${argv[i]} (--burst, --concurrency, --rounds, --keep)`);
	}
	return args;
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const { targets, workflows } = buildTargets(false, 0, false);
	const cluster = new QueueCluster(await ensureN8n(QUEUE_VERSION), {
		workers: 2,
		webhookProcessors: 1,
	});
	let ok = false;
	try {
		await cluster.prepare();
		const { main: mainProcess } = cluster;
		const [processor] = cluster.webhooks;
		await mainProcess.importWorkflows(workflows);
		await cluster.start();
		const apiKey = await createApiKey(mainProcess.baseUrl, await ownerSession(mainProcess.baseUrl));
		for (const target of targets)
			await setActive(mainProcess.baseUrl, apiKey, target.workflowId, true);
		for (const target of targets) await waitUntilLive(processor, target);
		say(
			LABEL,
			`setup done in ${Math.round((Date.now() - started) / 1000)} s; ${args.rounds} rounds × ${targets.length} workflows × ${args.burst} deliveries through 1 webhook processor, 2 workers`,
		);

		const results = await alternatingRounds(LABEL, targets, args, 3_000_001, (target, round, ids) =>
			runRound(processor, apiKey, target, round, ids, args.concurrency, mainProcess),
		);
		const rate = (key: string) =>
			median(results.filter((r) => r.target.key === key).map((r) => r.execsPerSec));
		const trigger = rate('trigger');
		const webhookNode = rate('webhook_node');
		console.log('');
		console.log(
			`queue_trigger_ratio_to_webhook_node: ${fixed(webhookNode > 0 ? trigger / webhookNode : NaN, 3)}`,
		);
		console.log(`queue_trigger_execs_per_sec: ${fixed(trigger)}`);
		console.log(`queue_webhook_node_execs_per_sec: ${fixed(webhookNode)}`);
		console.log(`queue_failed_runs: ${results.reduce((sum, r) => sum + r.failures, 0)}`);
		for (const r of results.filter((x) => x.problems.length))
			console.log(`failure: round ${r.round} ${r.target.title}: ${r.problems.join('; ')}`);
		say(LABEL, `done in ${Math.round((Date.now() - started) / 1000)} s`);
		ok = true;
		return 0;
	} finally {
		if (!ok) say(LABEL, `logs kept: ${cluster.logFiles.join(', ')}`);
		await cluster.stop(!ok || args.keep);
	}
}

runBenchProcess(LABEL, main);
