import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SePayPollingTrigger } from '../../../../nodes/SePay/SePayPollingTrigger.node';
import { SePayTrigger } from '../../../../nodes/SePay/SePayTrigger.node';
import { windowStart } from '../../../../nodes/SePay/polling/catchUp';
import { resetMemoryIndexes } from '../../../../nodes/SePay/transactions/idMemory';
import { resetRunClaims } from '../../../../nodes/SePay/transactions/pendingRuns';
import type { Emulator } from '../../../../emulator';
import type { CredentialStore } from '../../../../harness/credential-store';
import { runNode } from '../../../../harness/run-node';
import {
	apiKeyTrigger,
	pollingTrigger,
	serveWebhook,
	type WebhookDriver,
} from '../trigger/support/driver';
import { startSePay } from '../trigger/support/sepay';

const KEY = 'catch-up-key';

describe('Catch-up window', () => {
	const minute = 60_000;
	const now = Date.UTC(2026, 10, 23, 12);

	it('starts a look-back before the previous poll, never before the mode was switched on', () => {
		expect(
			windowStart(
				{ catchUpSince: now - 600 * minute, lastPollAt: now - 15 * minute },
				now,
				60 * minute,
			),
		).toBe(now - 75 * minute);
		expect(
			windowStart(
				{ catchUpSince: now - 10 * minute, lastPollAt: now - 5 * minute },
				now,
				60 * minute,
			),
		).toBe(now - 10 * minute);
		expect(windowStart({}, now, 60 * minute)).toBe(now);
	});

	it('reaches back over a long downtime, but not past what the memory remembers (23 h)', () => {
		const state = { catchUpSince: now - 48 * 60 * minute, lastPollAt: now - 30 * 60 * minute };
		expect(windowStart(state, now, 60 * minute)).toBe(now - 23 * 60 * minute);
		expect(windowStart({ ...state, lastPollAt: now - 5 * 60 * minute }, now, 60 * minute)).toBe(
			now - 6 * 60 * minute,
		);
	});
});

describe.each(['apiToken', 'oAuth2'] as const)(
	'SePay Trigger + Polling Trigger (%s, only what the webhook missed) in one workflow',
	(authentication) => {
		let emu: Emulator;
		let store: CredentialStore;
		const drivers: WebhookDriver[] = [];

		beforeAll(async () => {
			({ emu, store } = await startSePay({
				transactions: 5,
				retryMinuteMs: 20,
				deliveryTimeoutMs: 5000,
			}));
		});
		afterAll(async () => {
			await Promise.all(drivers.map(async (d) => await d.close()));
			await emu.close();
		});
		beforeEach(() => {
			emu.reset();
			resetMemoryIndexes();
			resetRunClaims();
		});

		async function setup(
			poll: INodeParameters = {},
			webhookOptions: IDataObject = {},
			beforeAnswer?: (workflowData: INodeExecutionData[][]) => Promise<void>,
		) {
			const staticData: IDataObject = {};
			const webhook = await serveWebhook({
				node: new SePayTrigger(),
				parameters: apiKeyTrigger(KEY, webhookOptions),
				store,
				staticData,
				beforeAnswer,
			});
			drivers.push(webhook);
			const poller = pollingTrigger({
				node: new SePayPollingTrigger(),
				parameters: { authentication, mode: 'missed', direction: 'both', ...poll },
				store,
				staticData,
			});
			const register = () =>
				emu.registerWebhook({
					webhook_url: webhook.url,
					event_type: 'All',
					authen_type: 'Api_Key',
					api_key: KEY,
				});
			return { webhook, poller, register, staticData };
		}

		const idOf = (t: { id: number; uuid: string }) =>
			authentication === 'apiToken' ? t.uuid : t.id;

		it('emits exactly what the webhook missed, oldest first, each once; never what the webhook ran', async () => {
			const { webhook, poller, register } = await setup();
			expect(await poller.poll()).toBeNull();

			// n8n unreachable: SePay has no working webhook for these.
			const missed = [1, 2, 3].map(
				(i) => emu.simulateTransaction({ amount: 1000 + i, content: `missed ${i}` }).transaction,
			);
			const hook = register();
			const delivered = [];
			for (const i of [4, 5]) {
				const sim = emu.simulateTransaction({ amount: 2000 + i, content: `delivered ${i}` });
				await sim.settled;
				delivered.push(sim.transaction);
			}
			expect(webhook.executions).toHaveLength(2);

			const emitted = (await poller.poll())?.[0] ?? [];
			expect(emitted.map((item) => item.json.id)).toEqual(missed.map(idOf));
			expect(await poller.poll()).toBeNull();

			// SePay delivering one of the caught-up ones late (a retry, a replay) does not run it again.
			const late = emu.duplicateDelivery(hook.id, missed[0].id);
			await emu.waitForDeliveries(
				(all) => all.find((d) => d.id === late.id)?.status === 'success',
				5000,
			);
			expect(webhook.executions).toHaveLength(2);
			expect(await poller.poll()).toBeNull();
			void delivered;
		});

		it('does not emit a transaction whose webhook run is under way ("When the Workflow Finishes"), nor after it ended', async () => {
			let release = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			let holding = false;
			const { webhook, poller, register, staticData } = await setup(
				{},
				{ acknowledge: 'workflowEnd' },
				async (workflowData) => {
					holding = true;
					await held;
					// The run: the trigger's step writes the transaction into the run's static data.
					await runNode({
						node: new SePayTrigger(),
						parameters: apiKeyTrigger(KEY, { acknowledge: 'workflowEnd' }),
						items: workflowData[0],
						mode: 'webhook',
						staticData,
					});
				},
			);
			expect(await poller.poll()).toBeNull();
			register();
			const sim = emu.simulateTransaction({ amount: 4001, content: 'under way' });
			while (!holding) await new Promise((resolve) => setImmediate(resolve));
			expect(await poller.poll()).toBeNull();
			release();
			await sim.settled;
			expect(webhook.crashes).toEqual([]);
			expect(webhook.executions).toHaveLength(1);
			expect(await poller.poll()).toBeNull();
		});

		it('keeps "Every New Transaction" as before: a poll alone emits each new transaction once', async () => {
			const poller = pollingTrigger({
				node: new SePayPollingTrigger(),
				parameters: { authentication, direction: 'both' },
				store,
			});
			expect(await poller.poll()).toBeNull();
			const created = [1, 2].map((i) => emu.simulateTransaction({ amount: 3000 + i }).transaction);
			expect(((await poller.poll())?.[0] ?? []).map((item) => item.json.id)).toEqual(
				created.map(idOf),
			);
			expect(await poller.poll()).toBeNull();
		});
	},
);
