/**
 * A local npm registry served AT https://registry.npmjs.org for one n8n process only.
 *
 * n8n (2.8.4, 2.41.1) refuses N8N_COMMUNITY_PACKAGES_REGISTRY other than https://registry.npmjs.org
 * without an enterprise licence, so Settings → Community Nodes can only install from that name.
 * Verdaccio (loopback, no uplinks, storage under .tmp) listens on 127.0.0.1:443 with a
 * self-signed certificate for registry.npmjs.org made at run time; n8n is started in a private
 * mount namespace whose /etc/hosts (a bind mount of a temp file) maps registry.npmjs.org to
 * 127.0.0.1, so only that process tree (n8n and the npm it runs) sees it. The machine's
 * /etc/hosts and its npm registry are never touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:https';
import { join } from 'node:path';

import { childEnv } from '../../child-env';
import { runCommand } from '../../command';

export const REGISTRY_HOST = 'registry.npmjs.org';
const PUBLISH_URL = 'https://127.0.0.1/';

export interface LocalRegistry {
	/** The certificate n8n and its npm must trust (NODE_EXTRA_CA_CERTS, npm_config_cafile). */
	certFile: string;
	/** Environment for the n8n process: trust the certificate, a private npm cache. */
	n8nEnv: Record<string, string>;
	/** Prefix that starts a command with registry.npmjs.org → 127.0.0.1 (private mount namespace). */
	wrap: string[];
	/** Publishes a packed package (.tgz) as the `latest` version. */
	publish(tgz: string): Promise<void>;
	close(): Promise<void>;
}

function makeCertificate(dir: string): { key: string; cert: string } {
	const key = join(dir, 'key.pem');
	const cert = join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			key,
			'-out',
			cert,
			'-days',
			'2',
			'-subj',
			`/CN=${REGISTRY_HOST}`,
			'-addext',
			`subjectAltName=DNS:${REGISTRY_HOST},IP:127.0.0.1`,
		],
		{ stdio: 'ignore' },
	);
	return { key, cert };
}

/** The machine's hosts file with registry.npmjs.org (and only it) pointed at this machine. */
function privateHosts(file: string): void {
	const kept = readFileSync('/etc/hosts', 'utf8')
		.split('\n')
		.filter((line) => !line.split(/\s+/).slice(1).includes(REGISTRY_HOST));
	writeFileSync(file, [...kept, `127.0.0.1 ${REGISTRY_HOST}`, ''].join('\n'));
}

function verdaccioConfig(dir: string, key: string, cert: string): string {
	const file = join(dir, 'config.yaml');
	// No uplinks: nothing is proxied to any other registry. Publishing needs a (local) user.
	writeFileSync(
		file,
		[
			`storage: ${join(dir, 'storage')}`,
			'auth:',
			`  htpasswd: { file: ${join(dir, 'htpasswd')}, max_users: 5 }`,
			'packages:',
			"  '**': { access: $all, publish: $authenticated }",
			'https:',
			`  key: ${key}`,
			`  cert: ${cert}`,
			// runServer builds its server from the first listen address: HTTPS, with the key and cert above.
			'listen: https://127.0.0.1:443',
			'log: { type: stdout, format: pretty, level: warn }',
			'',
		].join('\n'),
	);
	return file;
}

/** Creates the publishing user (Verdaccio's npm-adduser endpoint) and returns its token. */
function addUser(ca: string): Promise<string> {
	const name = 'sepay-ui';
	const body = JSON.stringify({
		name,
		password: 'sepay-ui-local-only',
		email: 'ui@sepay-demo.local',
	});
	return new Promise((resolve, reject) => {
		const req = request(
			`${PUBLISH_URL}-/user/org.couchdb.user:${name}`,
			{
				method: 'PUT',
				ca,
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
			},
			(res) => {
				let text = '';
				res.on('data', (chunk: Buffer) => (text += chunk.toString()));
				res.on('end', () => {
					const token = (JSON.parse(text || '{}') as { token?: string }).token;
					if (token) resolve(token);
					else
						reject(
							new Error(
								`local registry: no token for the publishing user (HTTP ${res.statusCode}): ${text.slice(0, 200)}`,
							),
						);
				});
			},
		);
		req.once('error', reject);
		req.end(body);
	});
}

export async function startLocalRegistry(root: string): Promise<LocalRegistry> {
	const dir = join(root, 'registry');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const { key, cert } = makeCertificate(dir);
	const hostsFile = join(dir, 'hosts');
	privateHosts(hostsFile);
	const { runServer } = (await import('verdaccio')) as {
		runServer: (config: string) => Promise<Server>;
	};
	const server = await runServer(verdaccioConfig(dir, key, cert));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(443, '127.0.0.1', () => resolve());
	});
	const npmrc = join(dir, 'npmrc');
	const token = await addUser(readFileSync(cert, 'utf8')).catch(async (error: Error) => {
		await new Promise((resolve) => server.close(resolve));
		throw error;
	});
	writeFileSync(npmrc, `//127.0.0.1/:_authToken=${token}\ncafile=${cert}\n`);
	const npmCache = join(dir, 'npm-cache');
	return {
		certFile: cert,
		n8nEnv: { NODE_EXTRA_CA_CERTS: cert, npm_config_cafile: cert, npm_config_cache: npmCache },
		wrap: [
			'unshare',
			'--mount',
			'--',
			'sh',
			'-c',
			`mount --bind '${hostsFile}' /etc/hosts && exec "$@"`,
			'sh',
		],
		async publish(tgz) {
			// To 127.0.0.1 directly: this process's npm would reach the real registry.npmjs.org.
			const r = await runCommand(
				'npm',
				[
					'publish',
					tgz,
					`--registry=${PUBLISH_URL}`,
					`--userconfig=${npmrc}`,
					'--tag',
					'latest',
					'--ignore-scripts',
					'--provenance=false',
				],
				{ cwd: dir, env: childEnv(undefined, { npm_config_cache: npmCache }), timeoutMs: 120_000 },
			);
			if (r.code !== 0)
				throw new Error(
					`npm publish ${tgz} to the local registry failed:\n${(r.stdout + r.stderr).slice(-1500)}`,
				);
		},
		async close() {
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
