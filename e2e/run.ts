/**
 * `npm run e2e [-- --version 2.8.4] [--suite smoke] [--keep]`: every suite against a real n8n of
 * each version (both by default, or $SEPAY_E2E_VERSIONS="2.8.4 2.41.1"), installing n8n into the
 * cache on first use. dist/ must be built (`npm run build`). Ends with "N passed, M failed".
 * `--mode queue [--redis-port n] [--postgres-port n]`: the queue-mode suites instead (queue/).
 */
import { loadSuites } from './suites';
import { formatDuration } from './progress';
import type { CheckResult } from './suite';
import { findVersion, N8N_VERSIONS } from './versions';
import { runVersion } from './version-run';
import { QUEUE_VERSION, runQueueMode } from './queue/run-queue';

interface Args {
	versions: string[];
	suites: string[];
	keep: boolean;
	mode: 'regular' | 'queue';
	redisPort?: number;
	postgresPort?: number;
}

function portArg(flag: string, value: string): number {
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65535)
		throw new Error(`${flag} expects a TCP port (1–65535), got "${value}"`);
	return port;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { versions: [], suites: [], keep: false, mode: 'regular' };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		const value = () => inline ?? argv[++i] ?? '';
		if (flag === '--version')
			args.versions.push(
				...value()
					.split(/[\s,]+/)
					.filter(Boolean),
			);
		else if (flag === '--suite')
			args.suites.push(
				...value()
					.split(/[\s,]+/)
					.filter(Boolean),
			);
		else if (flag === '--keep') args.keep = true;
		else if (flag === '--mode') {
			const mode = value();
			if (mode !== 'queue' && mode !== 'regular')
				throw new Error(`--mode expects "queue" or "regular", got "${mode}"`);
			args.mode = mode;
		} else if (flag === '--redis-port') args.redisPort = portArg(flag, value());
		else if (flag === '--postgres-port') args.postgresPort = portArg(flag, value());
		else
			throw new Error(
				`unknown argument ${argv[i]} (use --version <v>, --suite <name>, --keep, --mode queue, --redis-port <n>, --postgres-port <n>)`,
			);
	}
	if (args.mode === 'queue') {
		if (args.versions.some((v) => v !== QUEUE_VERSION))
			throw new Error(`--mode queue runs n8n ${QUEUE_VERSION} only`);
		args.versions = [QUEUE_VERSION];
		return args;
	}
	if (!args.versions.length && process.env.SEPAY_E2E_VERSIONS)
		args.versions = process.env.SEPAY_E2E_VERSIONS.split(/[\s,]+/).filter(Boolean);
	if (!args.versions.length) args.versions = N8N_VERSIONS.map((v) => v.version);
	args.versions.forEach(findVersion);
	return args;
}

async function main(): Promise<number> {
	const started = Date.now();
	const args = parseArgs(process.argv.slice(2));
	const results: CheckResult[] = [];
	if (args.mode === 'queue')
		results.push(
			...(await runQueueMode({
				keep: args.keep,
				suites: args.suites,
				redisPort: args.redisPort,
				postgresPort: args.postgresPort,
			})),
		);
	else
		for (const version of args.versions) {
			const suites = loadSuites(args.suites);
			const shared = suites.filter((s) => !s.ownInstance);
			if (shared.length) results.push(...(await runVersion(version, shared, { keep: args.keep })));
			for (const alone of suites.filter((s) => s.ownInstance))
				results.push(...(await runVersion(version, [alone], { keep: args.keep })));
		}
	const failed = results.filter((r) => !r.ok);
	if (failed.length) {
		process.stdout.write('\nFailures:\n');
		for (const f of failed)
			process.stdout.write(
				`  n8n ${f.version} ${f.suite}: ${f.name}\n    ${(f.error ?? '').split('\n').join('\n    ')}\n`,
			);
	}
	process.stdout.write(
		`\ne2e (${args.versions.map((v) => `n8n ${v}${args.mode === 'queue' ? ' queue mode' : ''}`).join(', ')}) in ${formatDuration(Date.now() - started)}: ${results.length - failed.length} passed, ${failed.length} failed\n`,
	);
	return failed.length || !results.length ? 1 : 0;
}

// n8n children are killed by command.ts's exit hook.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		process.stdout.write(`\ne2e: ${signal}, stopping\n`);
		process.exit(130);
	});
}

main().then(
	(code) => process.exit(code),
	(e: Error) => {
		process.stderr.write(`e2e: ${e.message}\n`);
		process.exit(1);
	},
);
