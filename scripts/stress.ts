/**
 * `npm run test:stress [-- --runs N] [jest args]`: the jest suite N times (default 5) in a row
 * while busy loops occupy every core, as on a CI machine shared with other work. Prints one line
 * per run and a summary; exits non-zero if any run failed. Not part of CI (it takes a while).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface RunResult {
	run: number;
	code: number | null;
	seconds: number;
	tests: string;
	failures: string[];
	log: string;
}

function parseArgs(argv: string[]): { runs: number; jestArgs: string[] } {
	const jestArgs: string[] = [];
	let runs = 5;
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--runs') runs = Math.max(1, Number(argv[++i]) || 5);
		else jestArgs.push(argv[i]);
	}
	return { runs, jestArgs };
}

function startBusyLoops(): ChildProcess[] {
	const cores =
		typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
	return Array.from({ length: cores }, () =>
		spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
	);
}

async function runJest(run: number, jestArgs: string[], logDir: string): Promise<RunResult> {
	const started = Date.now();
	const jest = require.resolve('jest/bin/jest');
	const child = spawn(process.execPath, [jest, '--ci', ...jestArgs], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const log = path.join(logDir, `run-${run}.log`);
	writeFileSync(log, output);
	const tests = /^Tests:\s+(.*)$/m.exec(output)?.[1]?.trim() ?? 'no summary';
	const failures = [...output.matchAll(/^\s+● (.+)$/gm)]
		.map((m) => m[1])
		.filter((name, i, all) => all.indexOf(name) === i);
	return { run, code, seconds: Math.round((Date.now() - started) / 1000), tests, failures, log };
}

async function main(): Promise<number> {
	const { runs, jestArgs } = parseArgs(process.argv.slice(2));
	const logDir = mkdtempSync(path.join(os.tmpdir(), 'sepay-stress-'));
	const busy = startBusyLoops();
	const stop = () => busy.forEach((child) => child.kill('SIGKILL'));
	process.on('SIGINT', () => {
		stop();
		process.exit(130);
	});
	process.stdout.write(
		`test:stress: ${runs} jest runs with ${busy.length} busy loops (one per core); logs in ${logDir}\n`,
	);
	const results: RunResult[] = [];
	try {
		for (let run = 1; run <= runs; run++) {
			const result = await runJest(run, jestArgs, logDir);
			results.push(result);
			const verdict = result.code === 0 ? 'green' : 'RED';
			process.stdout.write(
				`run ${run}/${runs}: ${verdict} in ${result.seconds} s (${result.tests})\n`,
			);
			for (const failure of result.failures) process.stdout.write(`    ✕ ${failure}\n`);
		}
	} finally {
		stop();
	}
	const green = results.filter((r) => r.code === 0).length;
	process.stdout.write(
		`test:stress: ${green} of ${runs} runs green${green === runs ? '' : ` (see ${logDir})`}\n`,
	);
	return green === runs ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`test:stress: ${String(error)}\n`);
		process.exit(2);
	},
);
