/**
 * Issue 8: every example workflow (examples/*.json) imported into a real n8n and run, its SePay
 * parts against the emulator. Test copies (support/example-copies.ts): new id and name, demo
 * credentials, trigger API key set, third-party nodes replaced by No Op nodes of the same name.
 * 4 (schedule → yesterday's transactions → Code summary) runs headless; 1 (polling trigger,
 * every 5 s in the copy), 2 and 3 (SePay Trigger fed by emulator deliveries) run published.
 */
import type { Delivery, Emulator, Transaction } from '../../emulator';
import { formatVnDate, formatVnTime, parseVnTime } from '../../emulator/time';
import { assert, expectItems } from '../assert';
import { n8nRequest, type ExecutionRecord } from '../n8n-rest';
import { nodeItems, runError } from '../run-data';
import type { E2ESuite, LiveContext } from '../suite';
import { EX1, EX2, EX3, EX4, exampleCopies, webhookPath } from './support/example-copies';
import { deliveredOnce, onlyDelivery, SIMPLE_KEYS, simplified } from './support/trigger-checks';

const DAY_MS = 86_400_000;
/** How long a run started by a delivery would take to show up in the executions list. */
const STRAGGLER_WAIT_MS = 3000;
const JSON_TYPE = { 'content-type': 'application/json' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
	what: string,
	check: () => T | undefined | Promise<T | undefined>,
	timeoutMs = 30_000,
): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(250);
	}
}

async function setActive(ctx: LiveContext, workflowId: string, active: boolean): Promise<void> {
	const res = await n8nRequest(
		ctx.n8n.baseUrl,
		'POST',
		`/api/v1/workflows/${workflowId}/${active ? 'activate' : 'deactivate'}`,
		{ apiKey: ctx.apiKey },
	);
	if (res.status !== 200)
		throw new Error(
			`${active ? 'activate' : 'deactivate'} ${workflowId}: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`,
		);
}

/**
 * Simulated transactions moved to yesterday (Vietnam time): the emulator dates a simulated
 * transaction "now" and has no input for the date, so the test re-dates the stored records.
 * They stay the newest records (the seeded history ends 2026-11-20), so the list stays sorted.
 */
function transactionsOfYesterday(emu: Emulator, day: string): Transaction[] {
	const start = parseVnTime(day);
	assert.ok(
		start !== null && start > emu.state.lastTime(),
		`yesterday (${day}) is not after the seeded history`,
	);
	const account = emu.state.accounts[0];
	const made = [
		{ amount: 150_000, content: 'DH123456 thanh toan' },
		{ amount: 275_000, content: 'Chuyen tien hoc phi' },
		{ amount: 40_000, content: 'Phi dich vu', transferType: 'out' as const },
	].map(
		(input) =>
			emu.simulateTransaction({ accountNumber: account.accountNumber, ...input }).transaction,
	);
	made.forEach((tx, i) => {
		tx.time = start + (8 + 4 * i) * 3600_000;
		tx.transactionDate = formatVnTime(tx.time);
	});
	return made;
}

/** The binary of a node's first output item in an execution (metadata only). */
function binaryOf(
	execution: ExecutionRecord,
	nodeName: string,
	property = 'data',
): Record<string, unknown> | undefined {
	const run = (
		execution as unknown as {
			data?: {
				resultData?: {
					runData?: Record<
						string,
						Array<{
							data?: { main?: Array<Array<{ binary?: Record<string, Record<string, unknown>> }>> };
						}>
					>;
				};
			};
		}
	).data?.resultData?.runData?.[nodeName]?.[0];
	return run?.data?.main?.[0]?.[0]?.binary?.[property];
}

/** Exactly `count` executions of the workflow, after a pause in which a straggler would appear. */
async function exactlyExecutions(
	ctx: LiveContext,
	workflowId: string,
	count: number,
): Promise<ExecutionRecord[]> {
	await ctx.waitForExecutions(workflowId, count, 60_000);
	await sleep(STRAGGLER_WAIT_MS);
	const list = await ctx.executions(workflowId);
	assert.equal(list.length, count, `${workflowId}: ${list.length} executions, expected ${count}`);
	return list;
}

export const suite: E2ESuite = {
	name: 'examples-run',
	workflows: ({ emu }) => exampleCopies(emu),
	publish: [EX2.id, EX3.id],

	async headless(ctx) {
		const { emu } = ctx;
		await ctx.test(
			'example 4 (n8n execute): yesterday in Vietnam time requested, Summarize counts the 3 transactions of that day',
			async () => {
				const day = formatVnDate(Date.now() - DAY_MS);
				const made = transactionsOfYesterday(emu, day);
				const seq = emu.requests[emu.requests.length - 1]?.seq ?? 0;
				const result = await ctx.execute(EX4.id);
				assert.ok(
					result.ok,
					`execute failed: ${runError(result.output) ?? result.stderr.slice(-500)}`,
				);
				const lists = emu.requests.filter(
					(r) => r.seq > seq && r.method === 'GET' && r.path === '/v2/transactions',
				);
				assert.ok(lists.length >= 1, 'no GET /v2/transactions');
				for (const r of lists) {
					assert.equal(r.query.transaction_date_from, `${day} 00:00:00`);
					assert.equal(r.query.transaction_date_to, `${day} 23:59:59`);
					assert.equal(r.query.transaction_date_sort, 'asc');
					assert.equal(r.headers.authorization, `Bearer ${emu.secrets.apiToken}`);
				}
				const listed = expectItems(result, EX4.list, 3);
				assert.deepEqual(
					listed.map((t) => t.id),
					made.map((t) => t.uuid),
					"yesterday's transactions, oldest first",
				);
				assert.deepEqual(
					listed.map((t) => t.date),
					made.map((t) => t.transactionDate),
				);
				const [summary, ...more] = expectItems(result, EX4.summary);
				assert.equal(more.length, 0, 'Summarize output more than one item');
				const account = emu.state.accounts[0];
				assert.deepEqual(summary, {
					day,
					count: 3,
					moneyIn: 425_000,
					moneyOut: 40_000,
					countIn: 2,
					countOut: 1,
					net: 385_000,
					accounts: [
						{
							account: `${listed[0].bank} ${account.accountNumber}`,
							countIn: 2,
							moneyIn: 425_000,
							countOut: 1,
							moneyOut: 40_000,
							withPaymentCode: 1,
						},
					],
				});
			},
		);
	},

	async live(ctx) {
		const { emu, n8n } = ctx;
		const polls = () =>
			emu.requests.filter((r) => r.method === 'GET' && r.path === '/v2/transactions');

		// Example 1 runs first and alone: published here (after the emulator reset, so its first
		// poll sees only seeded data) and unpublished before the other examples make transactions.
		await setActive(ctx, EX1.id, true);
		try {
			await ctx.test(
				'example 1 (published, polls every 5 s): first poll starts from now; 3 incoming transactions → one execution with them (Simplify), money out left out',
				async () => {
					const newest = emu.state.transactions[emu.state.transactions.length - 1];
					const first = await until('the first poll after publishing', () => polls()[0]);
					assert.equal(first.headers.authorization, `Bearer ${emu.secrets.apiToken}`);
					await until('a poll from the newest transaction', () =>
						polls().some((r) => r.query.since_id === newest.uuid) ? true : undefined,
					);
					assert.equal(
						(await ctx.executions(EX1.id)).length,
						0,
						'a poll without new transactions started an execution',
					);
					const account = emu.state.accounts[0];
					const sims = [
						{ amount: 120_000, content: 'DH654321 thanh toan don hang' },
						{ amount: 30_000, content: 'Rut tien', transferType: 'out' as const },
						{ amount: 88_000, content: 'Chuyen tien' },
						{ amount: 510_000, content: 'HDX7Y2 thanh toan' },
					].map((input) =>
						emu.simulateTransaction({ accountNumber: account.accountNumber, ...input }),
					);
					const incoming = sims.filter((s) => s.transaction.transferType === 'in');
					const lastUuid = sims[sims.length - 1].transaction.uuid;
					const [execution] = await ctx.waitForExecutions(EX1.id, 1, 30_000);
					// Two more polls after the one that emitted: nothing is emitted twice.
					const after = polls().length;
					await until('two more polls', () => (polls().length >= after + 2 ? true : undefined));
					assert.equal((await ctx.executions(EX1.id)).length, 1, 'more than one execution');
					assert.equal(execution.status, 'success', runError(execution));
					const items = nodeItems(execution, EX1.trigger);
					assert.deepEqual(
						items.map((i) => i.id),
						incoming.map((s) => s.transaction.uuid),
					);
					assert.deepEqual(
						items.map((i) => i.amount),
						[120_000, 88_000, 510_000],
					);
					assert.ok(
						items.every((i) => i.direction === 'in'),
						'an item is not money in',
					);
					assert.ok(
						items.every((i) => Object.keys(i).sort().join() === SIMPLE_KEYS.join()),
						`not the Simplify shape: ${Object.keys(items[0] ?? {})
							.sort()
							.join()}`,
					);
					assert.equal(items[0].paymentCode, 'DH654321');
					assert.deepEqual(
						nodeItems(execution, EX1.sink),
						items,
						`${EX1.sink} (No Op in the copy) did not get the trigger's items`,
					);
					assert.ok(
						polls().some(
							(r) =>
								r.query.since_id === lastUuid ||
								r.query.since_id === incoming[incoming.length - 1].transaction.uuid,
						),
						'the cursor did not move past the new transactions',
					);
				},
			);
		} finally {
			await setActive(ctx, EX1.id, false);
		}

		const [acc2, acc3] = emu.state.accounts;
		const hook = (account: { id: number }, webhookId: string, apiKey: string) =>
			emu.registerWebhook({
				webhook_url: `${n8n.baseUrl}${webhookPath(webhookId)}`,
				event_type: 'All',
				request_content_type: 'Json',
				bank_account_id: account.id,
				authen_type: 'Api_Key',
				api_key: apiKey,
			});
		const hook2 = hook(acc2, EX2.webhookId, EX2.apiKey);
		const hook3 = hook(acc3, EX3.webhookId, EX3.apiKey);

		await ctx.test('examples 2 and 3 are published (unauthenticated POST → 401)', async () => {
			for (const id of [EX2.webhookId, EX3.webhookId]) {
				assert.equal(
					await n8n.waitForWebhook(webhookPath(id), {
						method: 'POST',
						headers: JSON_TYPE,
						body: '{}',
					}),
					401,
					id,
				);
			}
		});

		await ctx.test(
			'example 2: DH-coded payment → one execution with it through Mark Order Paid and Notify on Telegram (No Op); HD code, no code, replay → acknowledged, no run',
			async () => {
				const paid = emu.simulateTransaction({
					accountNumber: acc2.accountNumber,
					amount: 150_000,
					content: 'DH123456 thanh toan',
				});
				const first = await deliveredOnce(onlyDelivery(paid, hook2.id), paid.settled, 'DH payment');
				assert.equal(first.attempts[0].requestHeaders.Authorization, `Apikey ${EX2.apiKey}`);
				const others = [
					emu.simulateTransaction({
						accountNumber: acc2.accountNumber,
						amount: 99_000,
						content: 'HDAB12 thanh toan',
					}),
					emu.simulateTransaction({
						accountNumber: acc2.accountNumber,
						amount: 60_000,
						content: 'Chuyen tien an trua',
					}),
				];
				assert.equal(
					others[0].transaction.code,
					'HDAB12',
					'the emulator should recognise the HD code',
				);
				assert.equal(others[1].transaction.code, null);
				for (const sim of others)
					await deliveredOnce(
						onlyDelivery(sim, hook2.id),
						sim.settled,
						`non-DH ${sim.transaction.content}`,
					);
				await ctx.waitForExecutions(EX2.id, 1, 30_000);
				const replay: Delivery = emu.replayDelivery(first.id);
				await emu.waitForDeliveries(
					() => replay.status === 'success' || replay.status === 'failed',
					15_000,
				);
				assert.equal(replay.status, 'success', 'replay not acknowledged');
				const [execution] = await exactlyExecutions(ctx, EX2.id, 1);
				assert.equal(execution.status, 'success', runError(execution));
				const [item, ...more] = nodeItems(execution, EX2.trigger);
				assert.equal(more.length, 0);
				assert.deepEqual(item, simplified(paid.payload));
				assert.equal(item.paymentCode, 'DH123456');
				assert.equal(item.amount, 150_000);
				for (const name of EX2.replaced)
					assert.deepEqual(
						nodeItems(execution, name),
						[item],
						`${name} did not get the trigger's item`,
					);
			},
		);

		await ctx.test(
			'example 3: payment → one execution: invoice SEPAY-<id> created and issued at the emulator, PDF downloaded (binary data); replay → no second invoice',
			async () => {
				const paid = emu.simulateTransaction({
					accountNumber: acc3.accountNumber,
					amount: 250_000,
					content: 'NGUYEN VAN C thanh toan DH200301',
				});
				const reference = `SEPAY-${paid.transaction.id}`;
				const delivery = await deliveredOnce(onlyDelivery(paid, hook3.id), paid.settled, 'payment');
				const [execution] = await ctx.waitForExecutions(EX3.id, 1, 60_000);
				assert.equal(execution.status, 'success', runError(execution));
				const [created] = nodeItems(execution, EX3.create);
				assert.equal(created?.status, 'issued');
				assert.equal(created.reference_code, reference);
				const invoices = [...emu.state.einvoice.invoices.values()].filter(
					(i) => i.reference_code === reference,
				);
				assert.equal(invoices.length, 1, 'one invoice at the emulator');
				assert.equal(invoices[0].status, 'issued');
				assert.equal(invoices[0].total_amount, 250_000);
				assert.equal(invoices[0].provider_account_id, emu.state.einvoice.providerAccounts[0].id);
				const creates = emu.requests.filter(
					(r) => r.method === 'POST' && r.path === '/v1/invoices/create',
				);
				assert.equal(creates.length, 1, 'create requests');
				assert.equal((creates[0].body as Record<string, unknown>).reference_code, reference);
				const downloads = emu.requests.filter(
					(r) => r.method === 'GET' && /^\/v1\/invoices\/[^/]+\/download$/.test(r.path),
				);
				assert.ok(downloads.length >= 1, 'no download request');
				const [file] = nodeItems(execution, EX3.download);
				assert.ok(file, 'Download PDF output nothing');
				const binary = binaryOf(execution, EX3.download);
				assert.ok(
					binary,
					`no binary "data" on Download PDF's item: ${JSON.stringify(file).slice(0, 200)}`,
				);
				assert.equal(binary.mimeType, 'application/pdf');
				assert.match(String(binary.fileName), /\.pdf$/);
				assert.equal(
					binaryOf(execution, EX3.sink)?.mimeType,
					'application/pdf',
					`${EX3.sink} (No Op) did not get the PDF`,
				);

				const replay = emu.replayDelivery(delivery.id);
				await emu.waitForDeliveries(
					() => replay.status === 'success' || replay.status === 'failed',
					15_000,
				);
				assert.equal(replay.status, 'success', 'replay not acknowledged');
				await exactlyExecutions(ctx, EX3.id, 1);
				assert.equal(
					[...emu.state.einvoice.invoices.values()].filter((i) => i.reference_code === reference)
						.length,
					1,
					'a second invoice',
				);
				assert.equal(
					emu.countRequests('POST', '/v1/invoices/create'),
					1,
					'a second create request',
				);
			},
		);
	},
};
