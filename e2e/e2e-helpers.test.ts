/** The pure parts of the e2e machinery (the real-n8n parts run in `npm run e2e`). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cacheDir } from './cache';
import { parseExecuteOutput } from './execute-output';
import { withLock } from './lock';
import { nodeItems, runError } from './run-data';
import { parseStartOptions } from './start-options';
import { loadSuites } from './suites';

describe('parseExecuteOutput', () => {
	it('finds the JSON after and before log lines', () => {
		const out = [
			'Task Broker ready on 127.0.0.1, port 5690',
			'Failed to start Python task runner',
			'{',
			'  "data": { "n": [1, 2] }',
			'}',
			'Stopping',
		].join('\n');
		expect(parseExecuteOutput(out)).toEqual({ data: { n: [1, 2] } });
	});
	it('returns undefined when there is no JSON', () => {
		expect(parseExecuteOutput('Execution was NOT successful\n{ broken')).toBeUndefined();
	});
});

describe('run data', () => {
	const run = {
		data: {
			resultData: {
				runData: {
					A: [{ data: { main: [[{ json: { x: 1 } }, { json: { x: 2 } }]] } }],
					B: [{ error: { message: 'Bad token', description: 'check the credential' } }],
				},
			},
		},
	};
	it('reads a node output and the first error', () => {
		expect(nodeItems(run, 'A')).toEqual([{ x: 1 }, { x: 2 }]);
		expect(nodeItems(run, 'missing')).toEqual([]);
		expect(runError(run)).toBe('Bad token — check the credential');
		expect(runError({ data: { resultData: { runData: {} } } })).toBeUndefined();
	});
});

describe('parseStartOptions', () => {
	it('has defaults, flags and environment overrides', () => {
		const d = parseStartOptions([], {})!;
		expect([d.emulatorPort, d.n8nPort, d.rateLimit, d.reimport]).toEqual([4010, 5678, true, false]);
		const o = parseStartOptions(
			['--port=4300', '--n8n-port', '5700', '--no-rate-limit', '--examples', '/x'],
			{ SEPAY_EMULATOR_PORT: '1' },
		)!;
		expect([o.emulatorPort, o.n8nPort, o.rateLimit, o.examplesDir]).toEqual([
			4300,
			5700,
			false,
			'/x',
		]);
		expect(parseStartOptions([], { SEPAY_N8N_PORT: '6000' })!.n8nPort).toBe(6000);
		expect(parseStartOptions(['--help'], {})).toBeNull();
	});
	it('refuses bad input', () => {
		expect(() => parseStartOptions(['--port', 'abc'], {})).toThrow(/port number/);
		expect(() => parseStartOptions(['--port', '5678'], {})).toThrow(/different ports/);
		expect(() => parseStartOptions(['--bogus'], {})).toThrow(/unknown option/);
	});
});

describe('cacheDir', () => {
	const saved = { ...process.env };
	afterEach(() => {
		process.env.SEPAY_N8N_CACHE = saved.SEPAY_N8N_CACHE;
		process.env.XDG_CACHE_HOME = saved.XDG_CACHE_HOME;
		if (saved.SEPAY_N8N_CACHE === undefined) delete process.env.SEPAY_N8N_CACHE;
		if (saved.XDG_CACHE_HOME === undefined) delete process.env.XDG_CACHE_HOME;
	});
	it('prefers SEPAY_N8N_CACHE, then XDG_CACHE_HOME', () => {
		const root = mkdtempSync(join(tmpdir(), 'e2e-cache-'));
		process.env.XDG_CACHE_HOME = join(root, 'xdg');
		delete process.env.SEPAY_N8N_CACHE;
		expect(cacheDir()).toBe(join(root, 'xdg', 'n8n-nodes-sepay'));
		process.env.SEPAY_N8N_CACHE = join(root, 'mine');
		expect(cacheDir()).toBe(join(root, 'mine'));
		rmSync(root, { recursive: true, force: true });
	});
});

describe('withLock', () => {
	it('runs holders one after another and takes over a dead owner', async () => {
		const root = mkdtempSync(join(tmpdir(), 'e2e-lock-'));
		const lock = join(root, 'x.lock');
		const order: string[] = [];
		const slow = withLock(lock, 'test', async () => {
			order.push('a-start');
			await new Promise((r) => setTimeout(r, 300));
			order.push('a-end');
		});
		await new Promise((r) => setTimeout(r, 50));
		await withLock(lock, 'test', async () => void order.push('b'));
		await slow;
		expect(order).toEqual(['a-start', 'a-end', 'b']);
		// A lock left by a process that no longer exists.
		mkdirSync(lock);
		writeFileSync(join(lock, 'pid'), '999999999');
		await expect(withLock(lock, 'test', async () => 'taken')).resolves.toBe('taken');
		rmSync(root, { recursive: true, force: true });
	});
});

describe('loadSuites', () => {
	it('finds the suites and refuses unknown names', () => {
		expect(loadSuites().map((s) => s.name)).toEqual(
			expect.arrayContaining(['smoke', 'trigger-smoke']),
		);
		expect(() => loadSuites(['nope'])).toThrow(/unknown suite/);
	});
});
