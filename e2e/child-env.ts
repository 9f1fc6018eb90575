/**
 * Environment for child npm / n8n processes. `npm run e2e` exports npm_config_* (the repo's
 * ignore-scripts=true, local_prefix=<repo>, nodedir=/usr …): a nested npm would obey them, so
 * `npm rebuild sqlite3` would silently build nothing. Drop every npm_* variable and add what the
 * child needs explicitly.
 */
import { delimiter } from 'node:path';

export function childEnv(
	binDirFirst?: string,
	extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE_OPTIONS' || k === 'NODE_ENV') continue;
		if (/^N8N_|^DB_|^EXECUTIONS_|^QUEUE_/.test(k)) continue;
		env[k] = v;
	}
	if (binDirFirst) env.PATH = `${binDirFirst}${delimiter}${env.PATH ?? ''}`;
	return { ...env, ...extra };
}
