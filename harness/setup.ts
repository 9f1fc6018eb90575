/**
 * One place that prepares n8n-core's dependency container for tests: n8n-core resolves
 * InstanceSettings (encryption key, folders), Logger, ErrorReporter and BinaryDataService
 * lazily through @n8n/di. We point n8n's user folder into os.tmpdir() and pin the encryption
 * key so nothing touches the developer's ~/.n8n. Binary data stays in memory (BinaryDataService
 * without `init()` keeps base64 in the item, like n8n's "default" mode).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Container, type Constructable } from '@n8n/di';

const ENCRYPTION_KEY = 'sepay-harness-test-key';

let prepared = false;

export function ensureN8nCore(): void {
	if (prepared) return;
	prepared = true;
	// One shared folder holding only n8n's settings file with our fixed key: no temp dir per
	// test file to leak. Written atomically, as jest workers may start at the same moment.
	const userFolder = join(tmpdir(), 'n8n-nodes-sepay-harness');
	const settingsFile = join(userFolder, '.n8n', 'config');
	if (!existsSync(settingsFile)) {
		mkdirSync(join(userFolder, '.n8n'), { recursive: true });
		const partial = `${settingsFile}.${process.pid}`;
		writeFileSync(partial, JSON.stringify({ encryptionKey: ENCRYPTION_KEY }));
		renameSync(partial, settingsFile);
	}
	// Read by @n8n/config when InstanceSettings is first resolved, so set before any context exists.
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_ENCRYPTION_KEY = ENCRYPTION_KEY;
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
	process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';

	// Every ExecuteContext resolves SSHClientsManager, whose 60 s cleanup interval would keep
	// jest/node alive after the tests; n8n clears it on shutdown, we just unref it.
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as {
		SSHClientsManager: Constructable<{ cleanupTimer?: NodeJS.Timeout }>;
	};
	Container.get(SSHClientsManager).cleanupTimer?.unref();
}

ensureN8nCore();
