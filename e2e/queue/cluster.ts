/**
 * n8n in queue mode as shops run it: PostgreSQL (shared database), Redis (the job queue), one
 * main (editor, API, triggers other than webhooks), 2 workers (execute), 2 webhook processors
 * (receive production webhooks and enqueue). Every process has its own user folder with the
 * packed package and the same encryption key; each main/worker its own task-broker port.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../cache';
import type { N8nInstall } from '../n8n-install';
import { N8nInstance } from '../n8n-instance';
import { freePort } from '../ports';
import { formatDuration, say } from '../progress';
import {
	choosePort,
	startPostgres,
	startRedis,
	type PostgresService,
	type Service,
} from './services';
import { ensureServerBinaries } from './system-packages';

export interface QueueClusterOptions {
	/** Fixed ports (refused when busy); default free ones. */
	redisPort?: number;
	postgresPort?: number;
	workers?: number;
	webhookProcessors?: number;
}

export class QueueCluster {
	readonly label: string;

	readonly workDir: string;

	main!: N8nInstance;

	workers: N8nInstance[] = [];

	webhooks: N8nInstance[] = [];

	private redis?: Service;

	private postgres?: PostgresService;

	constructor(
		readonly install: N8nInstall,
		private readonly options: QueueClusterOptions = {},
	) {
		this.label = `n8n ${install.version} queue`;
		const root = join(REPO_ROOT, '.tmp', 'e2e');
		mkdirSync(root, { recursive: true });
		this.workDir = mkdtempSync(join(root, `queue-${install.version}-`));
	}

	get all(): N8nInstance[] {
		return [this.main, ...this.workers, ...this.webhooks].filter(Boolean);
	}

	get logFiles(): string[] {
		return [
			...this.all.map((n) => n.logFile),
			...[this.redis, this.postgres].filter((s): s is Service => !!s).map((s) => s.logFile),
		];
	}

	/** Redis + PostgreSQL (installed from Debian's packages when missing), then the n8n folders. */
	async prepare(): Promise<void> {
		const started = Date.now();
		const bins = await ensureServerBinaries();
		const pgPort = await choosePort(this.options.postgresPort, '--postgres-port', 'PostgreSQL');
		const redisPort = await choosePort(this.options.redisPort, '--redis-port', 'Redis');
		this.postgres = await startPostgres(bins, pgPort, this.workDir);
		this.redis = await startRedis(bins, redisPort, this.workDir);
		say(
			this.label,
			`postgres on 127.0.0.1:${pgPort}, redis on 127.0.0.1:${redisPort} (${formatDuration(Date.now() - started)})`,
		);
		const env = this.queueEnv();
		const make = async (role: string, command: 'start' | 'worker' | 'webhook') => {
			const port = await freePort();
			// A worker's health server listens on its own port (the readiness probe, nothing else).
			const own: Record<string, string> =
				command === 'worker' ? { QUEUE_HEALTH_CHECK_PORT: String(port) } : {};
			return new N8nInstance(this.install, {
				label: `${this.label} ${role}`,
				command,
				port,
				userFolder: join(this.workDir, role),
				env: { ...env, ...own },
			}).init();
		};
		this.main = await make('main', 'start');
		for (let i = 0; i < (this.options.workers ?? 2); i++)
			this.workers.push(await make(`worker${i + 1}`, 'worker'));
		for (let i = 0; i < (this.options.webhookProcessors ?? 2); i++)
			this.webhooks.push(await make(`webhook${String.fromCharCode(65 + i)}`, 'webhook'));
		for (const n8n of this.all) await n8n.installPackage();
	}

	/** What every process of the cluster shares (the CLI commands too: they write to PostgreSQL). */
	queueEnv(): Record<string, string> {
		if (!this.redis || !this.postgres) throw new Error('queue cluster: prepare() first');
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgres.port),
			DB_POSTGRESDB_DATABASE: this.postgres.database,
			DB_POSTGRESDB_USER: this.postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// Workers: readiness probe on a port of their own (set per worker in prepare()).
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			// Let the main hand out every execution (manual ones too) to the workers.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Tests post hundreds of deliveries in bursts.
			N8N_PAYLOAD_SIZE_MAX: '16',
		};
	}

	/** All together (the CLI import already migrated the database). */
	async start(): Promise<void> {
		const started = Date.now();
		await Promise.all(this.all.map((n) => n.start()));
		say(
			this.label,
			`main + ${this.workers.length} workers + ${this.webhooks.length} webhook processors up in ${formatDuration(Date.now() - started)}`,
		);
	}

	/** Stops every n8n process, then Redis and PostgreSQL; removes the folder unless `keep`. */
	async stop(keep = false): Promise<void> {
		await Promise.all([...this.webhooks, ...this.workers].map((n) => n.stop()));
		if (this.main) await this.main.stop();
		await this.redis?.stop();
		await this.postgres?.stop();
		this.redis = undefined;
		this.postgres = undefined;
		if (!keep) rmSync(this.workDir, { recursive: true, force: true });
	}
}
