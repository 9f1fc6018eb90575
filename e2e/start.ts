/**
 * `npm start`: the package's demo on a fresh machine. Builds (npm script), installs the pinned
 * n8n on first use, starts the SePay emulator (demo data, SePay's rate limit) and a real n8n
 * with the packed package in a project-local user folder (.n8n-dev/), imports the demo
 * credentials and example workflows, prepares the owner account, prints what to do next, and
 * stops everything on Ctrl-C.
 */
import { createServer } from 'node:net';

import { startEmulator, type Emulator } from '../emulator';
import { demoSeedEnd } from '../emulator/demoClock';
import { DEMO_CREDENTIALS, demoCredentials } from './demo-credentials';
import { importedIds, readExamples, rememberImported } from './examples';
import { ensureN8n } from './n8n-install';
import { N8nInstance } from './n8n-instance';
import { DEFAULT_OWNER, ownerSession } from './n8n-rest';
import { say } from './progress';
import { HELP, parseStartOptions, type StartOptions } from './start-options';
import { DEV_VERSION } from './versions';

const LABEL = 'start';

function assertPortFree(port: number, what: string, flag: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', () =>
			reject(
				new Error(
					`${what} port ${port} is in use: stop what runs there or pick another with ${flag}`,
				),
			),
		);
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

function banner(
	o: StartOptions,
	emu: Emulator,
	n8n: N8nInstance,
	ownerReady: boolean,
	exampleCount: number,
): string {
	const b = emu.baseUrl;
	const tx = `curl -s -X POST ${b}/_control/transactions -H 'content-type: application/json' -d '{"amount":50000,"content":"DH123456 demo payment"}'`;
	const hook = `curl -s -X POST ${b}/_control/webhooks -H 'content-type: application/json' -d '{"webhook_url":"${n8n.baseUrl}/webhook/<webhook id>/webhook","event_type":"All","authen_type":"Api_Key","api_key":"<the key set in the trigger>"}'`;
	return [
		'',
		'================================================================',
		` n8n editor:  ${n8n.baseUrl}/`,
		ownerReady
			? ` sign in:     ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`
			: ' sign in:     with the owner account you created (setup was done before)',
		` SePay emulator: ${b}  (rate limit ${o.rateLimit ? '3 requests/s' : 'off'}; control API ${b}/_control)`,
		'',
		' Credentials in n8n (Environment "Custom", Base URL = the emulator):',
		`   ${DEMO_CREDENTIALS.apiToken.name}   API token`,
		`   ${DEMO_CREDENTIALS.oAuth2.name}      OAuth2, already connected`,
		`   ${DEMO_CREDENTIALS.eInvoice.name}    client ID + secret`,
		`   ${DEMO_CREDENTIALS.paymentGateway.name}    merchant ID + secret key (IPN: PUT ${b}/_control/payment-gateway/ipn {"url": …})`,
		` Example workflows imported: ${exampleCount ? exampleCount : `none (put n8n workflow JSON files in ${o.examplesDir})`}`,
		'',
		' Make the emulator receive a bank transaction (it is delivered to every webhook registered there):',
		`   ${tx}`,
		' A SePay Trigger with Registration "Automatic (OAuth2)" registers itself when you publish it.',
		' For Registration "Manual", register its Production URL yourself:',
		`   ${hook}`,
		'',
		` n8n log: ${n8n.logFile}`,
		' Ctrl-C stops n8n and the emulator.',
		'================================================================',
		'',
	].join('\n');
}

async function main(): Promise<number> {
	const o = parseStartOptions(process.argv.slice(2));
	if (!o) {
		process.stdout.write(HELP);
		return 0;
	}
	await assertPortFree(o.emulatorPort, 'The emulator', '--port');
	await assertPortFree(o.n8nPort, 'The n8n', '--n8n-port');
	const install = await ensureN8n(DEV_VERSION);
	const examples = readExamples(o.examplesDir);

	let emu: Emulator | null = null;
	let n8n: N8nInstance | null = null;
	let stopping: Promise<void> | null = null;
	const stop = () =>
		(stopping ??= (async () => {
			say(LABEL, 'stopping n8n and the emulator …');
			await n8n?.stop();
			await emu?.close();
		})());
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => void stop().then(() => process.exit(0)));
	}

	let failure: unknown;
	try {
		// Seeded history up to today (Vietnam time), so the examples about yesterday find payments.
		emu = await startEmulator({
			port: o.emulatorPort,
			seed: 1,
			transactions: 2000,
			seedEndMs: demoSeedEnd(Date.now()),
			rateLimit: o.rateLimit ? { perSecond: 3 } : false,
		});
		say(LABEL, `SePay emulator at ${emu.baseUrl}`);
		n8n = await new N8nInstance(install, {
			userFolder: o.userFolder,
			port: o.n8nPort,
			label: `n8n ${DEV_VERSION}`,
			echo: o.verbose,
		}).init();
		say(LABEL, `installing the packed package into ${o.userFolder}/.n8n/nodes`);
		await n8n.installPackage();
		// Every start: the emulator is new (fresh OAuth2 tokens, maybe another port).
		say(LABEL, 'importing the demo credentials');
		await n8n.importCredentials(demoCredentials(emu, 3));
		const known = importedIds(o.userFolder);
		const fresh = o.reimport ? examples : examples.filter((w) => !known.has(w.id));
		if (fresh.length) {
			say(LABEL, `importing ${fresh.length} example workflow(s) from ${o.examplesDir}`);
			await n8n.importWorkflows(fresh);
			rememberImported(
				o.userFolder,
				fresh.map((w) => w.id),
			);
		}
		say(LABEL, `starting n8n ${DEV_VERSION} at ${n8n.baseUrl} (log: ${n8n.logFile})`);
		await n8n.start();
		let ownerReady = true;
		try {
			await ownerSession(n8n.baseUrl);
		} catch {
			ownerReady = false;
		}
		process.stdout.write(banner(o, emu, n8n, ownerReady, examples.length));
		await n8n.whenStopped();
		if (stopping) return 0;
		say(LABEL, `n8n exited on its own; see ${n8n.logFile}`);
		await stop();
		return 1;
	} catch (e) {
		failure = e;
	}
	await stop();
	return Promise.reject(failure);
}

main().then(
	(code) => process.exit(code),
	(e: Error) => {
		process.stderr.write(`npm start: ${e.message}\n`);
		process.exit(1);
	},
);
