/**
 * `npm run e2e [-- --version 2.8.4] [--suite smoke] [--keep]`: every suite against a real n8n of
 * each version (both by default, or $SEPAY_E2E_VERSIONS="2.8.4 2.41.1"), installing n8n into the
 * cache on first use. dist/ must be built (`npm run build`). Ends with "N passed, M failed".
 */
import { loadSuites } from './suites';
import { formatDuration } from './progress';
import type { CheckResult } from './suite';
import { findVersion, N8N_VERSIONS } from './versions';
import { runVersion } from './version-run';

interface Args {
	versions: string[];
	suites: string[];
	keep: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { versions: [], suites: [], keep: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		const value = () => inline ?? argv[++i] ?? '';
		if (flag === '--version') args.versions.push(...value().split(/[\s,]+/).filter(Boolean));
		else if (flag === '--suite') args.suites.push(...value().split(/[\s,]+/).filter(Boolean));
		else if (flag === '--keep') args.keep = true;
		else throw new Error(`unknown argument ${argv[i]} (use --version <v>, --suite <name>, --keep)`);
	}
	if (!args.versions.length && process.env.SEPAY_E2E_VERSIONS) args.versions = process.env.SEPAY_E2E_VERSIONS.split(/[\s,]+/).filter(Boolean);
	if (!args.versions.length) args.versions = N8N_VERSIONS.map((v) => v.version);
	args.versions.forEach(findVersion);
	return args;
}

async function main(): Promise<number> {
	const started = Date.now();
	const args = parseArgs(process.argv.slice(2));
	const suites = loadSuites(args.suites);
	const results: CheckResult[] = [];
	for (const version of args.versions) results.push(...(await runVersion(version, suites, { keep: args.keep })));
	const failed = results.filter((r) => !r.ok);
	if (failed.length) {
		process.stdout.write('\nFailures:\n');
		for (const f of failed) process.stdout.write(`  n8n ${f.version} ${f.suite}: ${f.name}\n    ${(f.error ?? '').split('\n').join('\n    ')}\n`);
	}
	process.stdout.write(`\ne2e (${args.versions.map((v) => `n8n ${v}`).join(', ')}) in ${formatDuration(Date.now() - started)}: ${results.length - failed.length} passed, ${failed.length} failed\n`);
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
