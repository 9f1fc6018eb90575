/**
 * The example workflows (examples/*.json, the ones `npm start` imports) import into this n8n
 * version without error, and every node type and version they use is one the running n8n
 * offers (its own nodes or ours), per the editor's /types/nodes.json.
 */
import { join } from 'node:path';

import { assert } from '../assert';
import { REPO_ROOT } from '../cache';
import { readExamples } from '../examples';
import type { E2ESuite } from '../suite';

const DIR = process.env.SEPAY_EXAMPLES_DIR || join(REPO_ROOT, 'examples');

export const suite: E2ESuite = {
	name: 'examples',

	async headless(ctx) {
		const examples = readExamples(DIR);
		// No examples yet is fine; a broken one is not (bad JSON or no id throws in readExamples).
		await ctx.test(`${examples.length} example workflow(s) from ${DIR} import`, () =>
			ctx.n8n.importWorkflows(examples),
		);
	},

	async live(ctx) {
		const examples = readExamples(DIR);
		const res = await ctx.request('GET', '/types/nodes.json');
		const types =
			res.status === 200
				? (res.json as unknown as Array<{ name: string; version: number | number[] }>)
				: [];
		const offered = new Set(
			types.flatMap((t) =>
				(Array.isArray(t.version) ? t.version : [t.version]).map((v) => `${t.name}@${v}`),
			),
		);
		await ctx.test('the editor lists the SePay nodes (/types/nodes.json)', () => {
			for (const name of [
				'sePay',
				'sePayTrigger',
				'sePayPollingTrigger',
				'sePayPaymentGatewayTrigger',
			]) {
				assert.ok(
					offered.has(`n8n-nodes-sepay.${name}@1`),
					`n8n-nodes-sepay.${name} v1 missing among ${types.length} types`,
				);
			}
		});
		for (const wf of examples) {
			await ctx.test(`example "${wf.name}" uses only node types this n8n offers`, () => {
				const missing = (wf.nodes as Array<{ type: string; typeVersion: number }>)
					.map((n) => `${n.type}@${n.typeVersion}`)
					.filter((t) => !offered.has(t));
				assert.deepEqual(missing, [], `not offered: ${missing.join(', ')}`);
			});
		}
	},
};
