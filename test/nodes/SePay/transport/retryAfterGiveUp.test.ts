/**
 * A 429 whose Retry-After is too long to sleep through fails that call, and still holds back every
 * other call with the credential until SePay's wait is over (continue-on-fail items, concurrent
 * executions). A mock context: the corner is the schedule, not n8n's request helper.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { waitForSlot } from '../../../../nodes/SePay/transport/pacer';
import { sendWithRetries } from '../../../../nodes/SePay/transport/send';

beforeEach(() => {
	jest.useFakeTimers({ now: 5_000_000 });
});
afterEach(() => {
	jest.useRealTimers();
});

it("holds the credential's next call for the whole Retry-After after giving up", async () => {
	const key = 'give-up-test';
	const context = {
		helpers: {
			httpRequestWithAuthentication: async () => ({
				statusCode: 429,
				headers: { 'retry-after': '120' },
				body: { status: 'error', error_code: 'rate_limited', message: 'Too many requests' },
			}),
		},
		getNode: () => ({
			id: 'n',
			name: 'SePay',
			type: 'sePay',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	} as unknown as IExecuteFunctions;
	await expect(
		sendWithRetries.call(
			context,
			{ method: 'GET', url: 'http://127.0.0.1:9/v2/transactions' },
			{
				credentialType: 'sePayApi',
				family: 'apiToken',
				pace: { key, perSecond: 3 },
				secrets: [],
			},
		),
	).rejects.toThrow('rate limiting');

	let started = false;
	void waitForSlot(key, 3).then(() => (started = true));
	await jest.advanceTimersByTimeAsync(119_999);
	expect(started).toBe(false);
	await jest.advanceTimersByTimeAsync(1);
	expect(started).toBe(true);
});
