import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

import { parseArgs } from '../cli';
import { demoSecrets } from '../index';
import { call } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

describe('parseArgs', () => {
	it('has sandbox defaults (rate limit on) and reads every flag', () => {
		expect(parseArgs([])).toEqual({
			port: 4010,
			transactions: 20000,
			seed: 1,
			rateLimit: { perSecond: 3 },
		});
		expect(
			parseArgs([
				'--port',
				'0',
				'--transactions=500',
				'--seed',
				'7',
				'--rate-limit',
				'off',
				'--host',
				'127.0.0.1',
				'--retry-minute-ms',
				'50',
				'--job-delay-ms',
				'0',
			]),
		).toEqual({
			port: 0,
			transactions: 500,
			seed: 7,
			rateLimit: false,
			host: '127.0.0.1',
			retryMinuteMs: 50,
			einvoiceJobDelayMs: 0,
		});
		expect(parseArgs(['--rate-limit', '10'])?.rateLimit).toEqual({ perSecond: 10 });
		expect(parseArgs(['--help'])).toBeNull();
	});

	it('throws clear errors for bad flags', () => {
		expect(() => parseArgs(['--prot', '1'])).toThrow('unknown option --prot');
		expect(() => parseArgs(['--port', 'abc'])).toThrow('--port must be a whole number, got "abc"');
		expect(() => parseArgs(['--port', '70000'])).toThrow(
			'--port must be between 0 and 65535, got 70000',
		);
		expect(() => parseArgs(['--transactions'])).toThrow('--transactions needs a value');
		expect(() => parseArgs(['--seed', '--port'])).toThrow('--seed needs a value');
		expect(() => parseArgs(['--rate-limit', 'fast'])).toThrow(
			'--rate-limit must be a whole number',
		);
		expect(() => parseArgs(['extra'])).toThrow('unexpected argument "extra"');
	});
});

describe('npm run sandbox', () => {
	it('exits with code 2 and a message on a bad flag', () => {
		const res = spawnSync(
			'node',
			['-r', 'ts-node/register/transpile-only', 'emulator/cli.ts', '--bogus'],
			{ cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
		);
		expect(res.status).toBe(2);
		expect(res.stderr).toContain('sandbox: unknown option --bogus');
		expect(res.stdout).toBe('');
	});

	it('starts in the foreground, prints URLs and demo credentials, serves requests and stops on Ctrl-C', async () => {
		const child = spawn(
			'npm',
			['run', '-s', 'sandbox', '--', '--port', '0', '--transactions', '300', '--seed', '4'],
			{ cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
			child.on('exit', (code, signal) => resolve({ code, signal })),
		);
		let base = '';
		try {
			await new Promise<void>((resolve, reject) => {
				const timer = setTimeout(
					() => reject(new Error(`sandbox did not start; output so far:\n${out}`)),
					45_000,
				);
				child.stdout.on('data', () => {
					if (out.includes('Press Ctrl-C')) {
						clearTimeout(timer);
						resolve();
					}
				});
			});
			base = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] as string;
			const secrets = demoSecrets(4);
			for (const value of [
				secrets.oauthClientId,
				secrets.oauthClientSecret,
				secrets.apiToken,
				secrets.einvoiceClientId,
				secrets.einvoiceClientSecret,
			]) {
				expect(out).toContain(value);
			}
			expect(out).toContain(`${base}/_control/transactions`);
			const res = await call(base, 'GET', '/v2/transactions?per_page=1', {
				token: secrets.apiToken,
			});
			expect(res.json.meta.pagination.total).toBe(300);
		} finally {
			// Ctrl-C reaches the whole foreground process group.
			if (child.pid) process.kill(-child.pid, 'SIGINT');
		}
		// npm itself re-raises SIGINT; the emulator below it closes and exits 0.
		const { code, signal } = await exited;
		expect(code === 0 || signal === 'SIGINT').toBe(true);
		expect(out).toContain('Stopping SePay emulator');
		const groupAlive = () => {
			try {
				process.kill(-(child.pid as number), 0);
				return true;
			} catch {
				return false;
			}
		};
		for (let i = 0; i < 50 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
		expect(groupAlive()).toBe(false);
		await expect(fetch(`${base}/_control/info`)).rejects.toThrow();
	});
});
