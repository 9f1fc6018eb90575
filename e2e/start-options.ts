/** Flags and environment of `npm start` (see HELP). */
import { isAbsolute, join } from 'node:path';

import { REPO_ROOT } from './cache';

export const HELP = `Usage: npm start -- [options]

Builds the package, installs n8n (first use only, into the cache folder), starts the SePay
emulator with demo data and a real n8n with this package, imports demo credentials and the
example workflows, then waits. Ctrl-C stops everything.

Options (environment variable in brackets):
  --port <n>          emulator port, default 4010            [SEPAY_EMULATOR_PORT]
  --n8n-port <n>      n8n editor port, default 5678          [SEPAY_N8N_PORT]
  --examples <dir>    workflows to import, default examples/ [SEPAY_EXAMPLES_DIR]
  --reimport          import every example again (overwrites your edits of them)
  --no-rate-limit     emulator without SePay's 3 requests/second limit
  --verbose           also print n8n's own output here (it always goes to .n8n-dev/n8n.log)
  --help              this text
n8n's user folder (data, log): $SEPAY_START_USER_FOLDER, else .n8n-dev/ in the repository
Cache folder for n8n: $SEPAY_N8N_CACHE, else \${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-sepay
`;

export interface StartOptions {
	emulatorPort: number;
	n8nPort: number;
	examplesDir: string;
	reimport: boolean;
	rateLimit: boolean;
	verbose: boolean;
	userFolder: string;
}

function port(flag: string, value: string | undefined): number {
	const n = Number(value);
	if (!value || !/^\d+$/.test(value) || n < 1 || n > 65535)
		throw new Error(`${flag} needs a port number (1-65535), got "${value ?? ''}"`);
	return n;
}

/** null for --help. */
export function parseStartOptions(
	argv: string[],
	env: NodeJS.ProcessEnv = process.env,
): StartOptions | null {
	const o: StartOptions = {
		emulatorPort: env.SEPAY_EMULATOR_PORT
			? port('SEPAY_EMULATOR_PORT', env.SEPAY_EMULATOR_PORT)
			: 4010,
		n8nPort: env.SEPAY_N8N_PORT ? port('SEPAY_N8N_PORT', env.SEPAY_N8N_PORT) : 5678,
		examplesDir: env.SEPAY_EXAMPLES_DIR || join(REPO_ROOT, 'examples'),
		reimport: false,
		rateLimit: true,
		verbose: false,
		userFolder: env.SEPAY_START_USER_FOLDER || join(REPO_ROOT, '.n8n-dev'),
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		const value = () => inline ?? argv[++i];
		if (flag === '--help' || flag === '-h') return null;
		else if (flag === '--port') o.emulatorPort = port(flag, value());
		else if (flag === '--n8n-port') o.n8nPort = port(flag, value());
		else if (flag === '--examples') o.examplesDir = value() ?? '';
		else if (flag === '--reimport') o.reimport = true;
		else if (flag === '--no-rate-limit') o.rateLimit = false;
		else if (flag === '--verbose') o.verbose = true;
		else throw new Error(`unknown option ${argv[i]}`);
	}
	if (!isAbsolute(o.examplesDir)) o.examplesDir = join(process.cwd(), o.examplesDir);
	if (o.emulatorPort === o.n8nPort) throw new Error('the emulator and n8n need different ports');
	return o;
}
