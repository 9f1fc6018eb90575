/**
 * Example workflows for `npm start`: every *.json in the examples folder (a workflow object, or an
 * array of them, as n8n exports them). Each needs a fixed "id" so importing again replaces it;
 * nodes should reference the demo credentials by their ids (demo-credentials.ts). Imported ones
 * are remembered in the user folder so your edits survive the next start.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowJson } from './n8n-instance';

export function readExamples(dir: string): WorkflowJson[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.flatMap((f) => {
			let parsed: unknown;
			let problem = '';
			try {
				parsed = JSON.parse(readFileSync(join(dir, f), 'utf8'));
			} catch (e) {
				problem = (e as Error).message;
			}
			if (problem) throw new Error(`${join(dir, f)} is not valid JSON: ${problem}`);
			const list = (Array.isArray(parsed) ? parsed : [parsed]) as WorkflowJson[];
			for (const wf of list) {
				if (!wf || typeof wf.id !== 'string' || !Array.isArray(wf.nodes))
					throw new Error(`${join(dir, f)}: a workflow needs "id" and "nodes"`);
			}
			return list;
		});
}

const MEMO = '.sepay-imported-examples.json';

export function importedIds(userFolder: string): Set<string> {
	try {
		return new Set(JSON.parse(readFileSync(join(userFolder, MEMO), 'utf8')) as string[]);
	} catch {
		return new Set();
	}
}

export function rememberImported(userFolder: string, ids: Iterable<string>): void {
	writeFileSync(
		join(userFolder, MEMO),
		JSON.stringify([...new Set([...importedIds(userFolder), ...ids])].sort(), null, 2),
	);
}
