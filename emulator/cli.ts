/**
 * `npm run sandbox -- --port 4010 [--transactions 20000] [--seed 1] [--rate-limit 3|off]`
 * Runs the SePay emulator in the foreground and prints its URLs and demo credentials.
 * Bad flags exit with code 2; Ctrl-C closes the server cleanly.
 */
import { startEmulator, type EmulatorOptions } from './index';

const HELP = `Usage: npm run sandbox -- [options]

Runs a local SePay emulator (OAuth2, OAuth2 API, API v2, eInvoice, VietQR, control API).

Options:
  --port <n>             TCP port (default 4010; 0 picks a free port)
  --host <addr>          listen address (default 127.0.0.1)
  --transactions <n>     seeded bank transactions (default 20000, max 1000000)
  --seed <n>             seed for data and demo credentials (default 1)
  --rate-limit <n|off>   requests per second per credential (default 3, like SePay)
  --retry-minute-ms <n>  real ms per "minute" of the webhook retry schedule (default 60000)
  --job-delay-ms <n>     eInvoice job duration (default 300)
  --help                 show this help
`;

export class UsageError extends Error {}

function int(flag: string, value: string | undefined, min: number, max: number): number {
	if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
	if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
	const n = Number(value);
	if (n < min || n > max)
		throw new UsageError(`${flag} must be between ${min} and ${max}, got ${n}`);
	return n;
}

/** Parses argv (without node and script); returns null for --help. */
export function parseArgs(argv: string[]): EmulatorOptions | null {
	const options: EmulatorOptions = {
		port: 4010,
		transactions: 20_000,
		seed: 1,
		rateLimit: { perSecond: 3 },
	};
	const args: string[] = [];
	for (const a of argv) {
		const eq = a.startsWith('--') ? a.indexOf('=') : -1;
		if (eq > 0) args.push(a.slice(0, eq), a.slice(eq + 1));
		else args.push(a);
	}
	for (let i = 0; i < args.length; i++) {
		const flag = args[i];
		const value = args[i + 1];
		switch (flag) {
			case '--help':
			case '-h':
				return null;
			case '--port':
				options.port = int(flag, value, 0, 65535);
				i++;
				break;
			case '--host':
				if (!value || value.startsWith('--')) throw new UsageError('--host needs a value');
				options.host = value;
				i++;
				break;
			case '--transactions':
				options.transactions = int(flag, value, 0, 1_000_000);
				i++;
				break;
			case '--seed':
				options.seed = int(flag, value, 0, 2_147_483_647);
				i++;
				break;
			case '--rate-limit':
				if (value === 'off' || value === '0') options.rateLimit = false;
				else options.rateLimit = { perSecond: int(flag, value, 1, 100_000) };
				i++;
				break;
			case '--retry-minute-ms':
				options.retryMinuteMs = int(flag, value, 1, 3_600_000);
				i++;
				break;
			case '--job-delay-ms':
				options.einvoiceJobDelayMs = int(flag, value, 0, 600_000);
				i++;
				break;
			default:
				throw new UsageError(
					flag.startsWith('-') ? `unknown option ${flag}` : `unexpected argument "${flag}"`,
				);
		}
	}
	return options;
}

async function main(): Promise<void> {
	let options: EmulatorOptions | null;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (e) {
		const message = e instanceof UsageError ? e.message : String(e);
		process.stderr.write(`sandbox: ${message}\nRun "npm run sandbox -- --help" for the options.\n`);
		process.exit(2);
	}
	if (!options) {
		process.stdout.write(HELP);
		return;
	}
	const emu = await startEmulator(options).catch((e: NodeJS.ErrnoException) => {
		const reason =
			e.code === 'EADDRINUSE'
				? `port ${options?.port} is already in use (try --port 0)`
				: e.message;
		process.stderr.write(`sandbox: cannot start: ${reason}\n`);
		process.exit(1);
	});
	const b = emu.baseUrl;
	const s = emu.secrets;
	const o = emu.options;
	const lines = [
		`SePay emulator running at ${b}`,
		`  seed ${o.seed}, ${o.transactions} transactions, rate limit ${o.rateLimit ? `${o.rateLimit.perSecond} req/s per credential` : 'off'}`,
		'',
		'Endpoints',
		`  OAuth2 authorize   ${b}/oauth/authorize`,
		`  OAuth2 token       ${b}/oauth/token`,
		`  OAuth2 API         ${b}/api/v1`,
		`  API v2             ${b}/v2`,
		`  eInvoice API       ${b}/v1`,
		`  VietQR images      ${b}/img?acc=<account>&bank=<bank>`,
		`  Payment Gateway    ${b}/v1/checkout/init, ${b}/v1/order`,
		`  Control API        ${b}/_control`,
		'',
		'Demo credentials (n8n: Environment "Custom", Base URL ' + b + ')',
		`  OAuth2 client ID       ${s.oauthClientId}`,
		`  OAuth2 client secret   ${s.oauthClientSecret}`,
		`  API token (v2)         ${s.apiToken}`,
		`  eInvoice client ID     ${s.einvoiceClientId}`,
		`  eInvoice client secret ${s.einvoiceClientSecret}`,
		`  PG merchant ID         ${s.pgMerchantId}`,
		`  PG secret key          ${s.pgSecretKey}`,
		'',
		'Simulate an incoming transfer (delivered to every matching webhook):',
		`  curl -s -X POST ${b}/_control/transactions -H 'Content-Type: application/json' \\`,
		`    -d '{"amount": 50000, "content": "DH123456 thanh toan don hang"}'`,
		'',
		'Press Ctrl-C to stop.',
	];
	process.stdout.write(lines.join('\n') + '\n');
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping SePay emulator…\n');
		void emu.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	void main();
}
