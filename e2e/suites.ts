/** Finds the suites: every suites/<name>.ts exporting `suite` (add a file, nothing else). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { E2ESuite } from './suite';

export function loadSuites(only: string[] = []): E2ESuite[] {
	const dir = join(__dirname, 'suites');
	const suites = readdirSync(dir)
		.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
		.sort()
		.map((f) => {
			const mod = require(join(dir, f)) as { suite?: E2ESuite };
			if (!mod.suite?.name) throw new Error(`e2e/suites/${f} must export \`suite\` with a name`);
			return mod.suite;
		});
	const unknown = only.filter((n) => !suites.some((s) => s.name === n));
	if (unknown.length)
		throw new Error(
			`unknown suite(s): ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`,
		);
	return only.length ? suites.filter((s) => only.includes(s.name)) : suites;
}
