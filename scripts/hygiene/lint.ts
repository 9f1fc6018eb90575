/**
 * The lint n8n's verification scanner runs: the repo's ESLint config over nodes/, credentials/
 * and package.json with inline configuration ignored (the scanner sets allowInlineConfig: false,
 * so an `eslint-disable` comment hides nothing there). Also refuses such comments outright and
 * makes sure nobody switched off the rules the scanner relies on for shipped code.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { ESLint } from 'eslint';

import { sourceFiles } from './files';

const REQUIRED_RULES = [
	'@n8n/community-nodes/no-restricted-globals',
	'@n8n/community-nodes/no-restricted-imports',
	'@n8n/community-nodes/no-runtime-dependencies',
	'@n8n/community-nodes/no-dangerous-functions',
	'@n8n/community-nodes/icon-validation',
	'no-console',
];

function severity(value: unknown): number {
	const level = Array.isArray(value) ? value[0] : value;
	return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : 0;
}

export async function checkLint(root: string): Promise<{ problems: string[]; notes: string[] }> {
	const problems: string[] = [];
	const notes: string[] = [];
	const eslint = new ESLint({
		cwd: root,
		allowInlineConfig: false,
		errorOnUnmatchedPattern: false,
	});
	const results = await eslint.lintFiles(['nodes', 'credentials', 'package.json']);
	let warnings = 0;
	for (const result of results) {
		for (const m of result.messages) {
			const where = `${relative(root, result.filePath)}:${m.line ?? 0}:${m.column ?? 0}`;
			if (m.severity === 2) problems.push(`lint: ${where} ${m.message} (${m.ruleId ?? 'parser'})`);
			else {
				warnings++;
				notes.push(`lint warning: ${where} ${m.message} (${m.ruleId ?? ''})`);
			}
		}
	}
	notes.push(`lint: ${results.length} files, ${warnings} warnings`);

	for (const file of sourceFiles(root)) {
		const text = readFileSync(file, 'utf8');
		if (/eslint-disable|eslint-enable|\/\*\s*eslint\s/.test(text)) {
			problems.push(
				`lint: ${relative(root, file)} has an inline ESLint directive; the scanner ignores it, fix the code instead`,
			);
		}
	}

	for (const probe of [
		join(root, 'nodes/SePay/SePay.node.ts'),
		join(root, 'credentials/SePayApi.credentials.ts'),
	]) {
		const config = (await eslint.calculateConfigForFile(probe)) as {
			rules?: Record<string, unknown>;
		};
		for (const rule of REQUIRED_RULES) {
			if (severity(config.rules?.[rule]) !== 2)
				problems.push(`lint: rule ${rule} is not an error for ${relative(root, probe)}`);
		}
	}
	return { problems, notes };
}
