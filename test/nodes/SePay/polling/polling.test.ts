import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SePayPollingTrigger } from '../../../../nodes/SePay/SePayPollingTrigger.node';
import { pollState } from '../../../../nodes/SePay/polling/state';
import type { Emulator } from '../../../../emulator';
import type { CredentialStore } from '../../../../harness/credential-store';
import { pollingTrigger } from '../trigger/support/driver';
import { startSePay } from '../trigger/support/sepay';

const BURST = 2500;

function polling(store: CredentialStore, parameters: INodeParameters) {
	return pollingTrigger({ node: new SePayPollingTrigger(), parameters, store });
}

const jsonOf = (result: Awaited<ReturnType<ReturnType<typeof polling>['poll']>>) =>
	(result?.[0] ?? []).map((item) => item.json);

describe.each(['apiToken', 'oAuth2'] as const)(
	'SePay Polling Trigger with %s',
	(authentication) => {
		let emu: Emulator;
		let store: CredentialStore;

		beforeAll(async () => {
			// A rate-limited emulator: the burst below has to wait out 429s and still be complete.
			({ emu, store } = await startSePay({ transactions: 40, rateLimit: { perSecond: 10 } }));
		});
		afterAll(async () => await emu.close());
		beforeEach(() => emu.reset());

		it('shows the latest transactions on a manual run, without moving the cursor', async () => {
			const trigger = polling(store, { authentication, direction: 'both' });
			const items = jsonOf(await trigger.poll('manual'));
			const newest = emu.state.transactions
				.slice(-10)
				.map((t) => (authentication === 'apiToken' ? t.uuid : t.id));
			expect(items.map((i) => i.id)).toEqual(newest);
			expect(items[0]).toEqual(
				expect.objectContaining({ direction: expect.any(String), amount: expect.any(Number) }),
			);
			expect(trigger.nodeStaticData().initialized).toBeUndefined();
		});

		it(`starts from "now", then emits a burst of ${BURST} transactions completely, once, in order`, async () => {
			const trigger = polling(store, {
				authentication,
				direction: 'both',
				options: { simplify: false },
			});
			expect(await trigger.poll()).toBeNull();
			expect(await trigger.poll()).toBeNull();

			const burst = Array.from(
				{ length: BURST },
				(_, i) =>
					emu.simulateTransaction({
						amount: 1000 + i,
						transferType: i % 7 === 0 ? 'out' : 'in',
						content: `burst ${i}`,
					}).transaction,
			);
			const expected = burst.map((t) => (authentication === 'apiToken' ? t.uuid : t.id));
			// Besides the limiter, two forced 429s make sure the poll has to honour Retry-After.
			emu.setFaults({ force429: 2 });
			const emitted = jsonOf(await trigger.poll()).map((i) => i.id);
			expect(emitted).toHaveLength(BURST);
			expect(emitted).toEqual(expected);
			expect(emu.counters.faults).toBe(2);

			expect(await trigger.poll()).toBeNull();
			emu.simulateTransaction({ amount: 5 });
			emu.simulateTransaction({ amount: 6 });
			expect(jsonOf(await trigger.poll()).map((i) => i.amount ?? i.amount_in)).toEqual([5, 6]);
			expect(await trigger.poll()).toBeNull();
		});

		it('applies the filters and never emits a filtered-out transaction later', async () => {
			const trigger = polling(store, {
				authentication,
				direction: 'in',
				filters: { minAmount: 100000, paymentCodePrefix: 'DH' },
			});
			expect(await trigger.poll()).toBeNull();
			emu.simulateTransaction({ amount: 500000, code: 'DH1' });
			emu.simulateTransaction({ amount: 500000, code: 'DH2', transferType: 'out' });
			emu.simulateTransaction({ amount: 5000, code: 'DH3' });
			emu.simulateTransaction({ amount: 500000, code: 'INV4' });
			emu.simulateTransaction({ amount: 200000, code: 'DH5' });
			const items = jsonOf(await trigger.poll());
			expect(items.map((i) => [i.paymentCode, i.direction, i.amount])).toEqual([
				['DH1', 'in', 500000],
				['DH5', 'in', 200000],
			]);
			emu.simulateTransaction({ amount: 1, code: 'X' });
			expect(await trigger.poll()).toBeNull();
		});
	},
);

describe('SePay Polling Trigger state', () => {
	let emu: Emulator;
	let store: CredentialStore;
	beforeAll(async () => {
		({ emu, store } = await startSePay({ transactions: 20 }));
	});
	afterAll(async () => await emu.close());

	it('records the newest transaction as the API v2 cursor on first activation', async () => {
		const trigger = polling(store, { authentication: 'apiToken', direction: 'both' });
		expect(await trigger.poll()).toBeNull();
		const data = trigger.nodeStaticData();
		expect(data).toEqual(
			expect.objectContaining({
				authentication: 'apiToken',
				initialized: true,
				sinceId: emu.state.transactions[19].uuid,
			}),
		);
	});

	it('starts afresh when Authentication changes', () => {
		const data: IDataObject = {
			authentication: 'apiToken',
			initialized: true,
			sinceId: 'x',
			recentIds: ['1'],
		};
		expect(pollState(data, 'apiToken')).toBe(data);
		expect(data.sinceId).toBe('x');
		pollState(data, 'oAuth2');
		// The memory from before the shared one stays until the node takes it over.
		expect(data).toEqual({ authentication: 'oAuth2', recentIds: ['1'] });
	});
});
