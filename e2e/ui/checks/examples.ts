/**
 * Every example workflow opens (the copy `npm start` imported) and imports through the editor's
 * "Import from file", with all its nodes on the canvas; the daily reconciliation finds yesterday's
 * payments in the demo data (issue 12 item 5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../../cache';
import { assert, type UiCheck } from '../check';
import { newWorkflow, openWorkflow } from '../editor';

export const exampleWorkflows: UiCheck = {
	name: 'example workflows open and import',
	async run({ page, stack, shot }) {
		const dir = join(REPO_ROOT, 'examples');
		const files = readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.sort();
		for (const file of files) {
			const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
				id: string;
				nodes: Array<{ type: string }>;
			};
			// Sticky notes are drawn apart from the nodes.
			const workflow = {
				id: json.id,
				nodes: json.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote'),
			};
			await openWorkflow(page, stack.editorUrl, workflow.id);
			const opened = await page.getByTestId('canvas-node').count();
			assert(
				opened === workflow.nodes.length,
				`${file}: ${opened} of ${workflow.nodes.length} nodes on the canvas`,
			);
			await shot(`example-${file.replace(/\.json$/, '')}`);

			await newWorkflow(page, stack.editorUrl);
			await page.getByTestId('workflow-import-input').setInputFiles(join(dir, file));
			await page.getByTestId('canvas-node').first().waitFor();
			await page.waitForTimeout(500);
			const imported = await page.getByTestId('canvas-node').count();
			assert(
				imported === workflow.nodes.length,
				`${file} imported: ${imported} of ${workflow.nodes.length} nodes`,
			);
		}

		await openWorkflow(page, stack.editorUrl, 'sepayExDailyRec1');
		await page.getByTestId('execute-workflow-button').first().click();
		const summary = page.getByTestId('canvas-node').filter({ hasText: 'Summarize' });
		await summary
			.getByText(/1 item/)
			.first()
			.waitFor({ timeout: 90_000 });
		// Edge labels: trigger → Yesterday's Transactions "1 item", then → Summarize "<n> items".
		const counts = (await page.getByTestId('edge-label').allInnerTexts()).map((t) =>
			Number(/(\d+)\s+items?/.exec(t)?.[1] ?? 0),
		);
		const label = counts.length >= 2 ? counts[counts.length - 1] : 0;
		assert(
			counts.filter((n) => n > 0).length >= 2,
			`the daily reconciliation found no transactions yesterday (edge counts ${counts.join(', ')})`,
		);
		await shot('example-daily-reconciliation-run');
		return `${files.length} examples opened and imported; daily reconciliation: ${label} transactions yesterday`;
	},
};
