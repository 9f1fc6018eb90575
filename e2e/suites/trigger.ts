/**
 * SePay Trigger in a real n8n, fed by the emulator's webhook deliveries: three published
 * workflows (A: API key, simplified, filtered; B: HMAC, raw payload; C: Automatic registration
 * through OAuth2). Every genuine delivery must be acknowledged with SePay's success body and run
 * the workflow once with the transaction; retries, replays and duplicates must not run it twice;
 * forged and malformed requests must be refused without a run. C is unpublished and published
 * through n8n's public API (the webhook methods run against the emulator) and survives a
 * restart without a second registration. The end compares every workflow's executions with the
 * expected ones exactly.
 */
import type { Delivery, Webhook } from '../../emulator';
import { storedKeys } from '../../nodes/SePay/transactions/idMemory';
import { WORKFLOW_MEMORY_KEY } from '../../nodes/SePay/transactions/workflowMemory';
import { assert } from '../assert';
import { n8nRequest } from '../n8n-rest';
import { nodeItems } from '../run-data';
import type { E2ESuite, LiveContext } from '../suite';
import {
	assertAttemptOk,
	assertRefused,
	deliveredOnce,
	ExpectedRuns,
	fakePayload,
	hmacHeaders,
	onlyDelivery,
	post,
	SIMPLE_KEYS,
	simplified,
} from './support/trigger-checks';
import {
	API_KEY_A,
	HMAC_SECRET_B,
	HOOK_A,
	HOOK_B,
	HOOK_C,
	MIN_AMOUNT,
	triggerAccounts,
	triggerWorkflows,
	webhookPath,
	WF_A,
	WF_B,
	WF_C,
} from './support/trigger-workflows';

const JSON_TYPE = { 'content-type': 'application/json' };
/** How long a run started by a request would take to show up in the executions list. */
const STRAGGLER_WAIT_MS = 3000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(
	what: string,
	probe: () => T | undefined | Promise<T | undefined>,
	timeoutMs = 60_000,
): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs)
			throw new Error(`${what}: not after ${timeoutMs / 1000} s`);
		await sleep(200);
	}
}

/**
 * Waits until n8n has saved the transaction id in the workflow's shared trigger memory (the
 * database), which it does only after the node has answered SePay: what a restart starts from.
 */
async function waitSeen(
	ctx: LiveContext,
	workflowId: string,
	transactionId: number,
): Promise<void> {
	await waitFor(
		`${workflowId}: transaction ${transactionId} remembered`,
		async () => {
			const res = await n8nRequest(ctx.n8n.baseUrl, 'GET', `/api/v1/workflows/${workflowId}`, {
				apiKey: ctx.apiKey,
			});
			const data = (res.json?.staticData ?? {}) as Record<
				string,
				Record<string, unknown> | undefined
			>;
			const seen = storedKeys(data.global?.[WORKFLOW_MEMORY_KEY]);
			return seen.includes(String(transactionId)) ? true : undefined;
		},
		15_000,
	);
}

/** Publishes or unpublishes a workflow through n8n's public API (runs the webhook methods). */
async function setActive(ctx: LiveContext, workflowId: string, active: boolean): Promise<void> {
	const res = await n8nRequest(
		ctx.n8n.baseUrl,
		'POST',
		`/api/v1/workflows/${workflowId}/${active ? 'activate' : 'deactivate'}`,
		{ apiKey: ctx.apiKey },
	);
	assert.equal(
		res.status,
		200,
		`${active ? 'activate' : 'deactivate'} ${workflowId}: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`,
	);
}

/** n8n restarted; resolves when the three trigger URLs answer again (401 to an unsigned POST). */
async function restart(ctx: LiveContext): Promise<void> {
	await ctx.n8n.stop();
	await ctx.n8n.start();
	for (const hook of [HOOK_A, HOOK_B, HOOK_C]) {
		const status = await ctx.n8n.waitForWebhook(webhookPath(hook), {
			method: 'POST',
			headers: JSON_TYPE,
			body: '{}',
		});
		assert.equal(status, 401, `${hook} after the restart`);
	}
}

export const suite: E2ESuite = {
	name: 'trigger',
	workflows: ({ emu }) => triggerWorkflows(emu),
	publish: [WF_A, WF_B, WF_C],

	async live(ctx) {
		const { emu, n8n } = ctx;
		const accounts = triggerAccounts(emu);
		const urlA = `${n8n.baseUrl}${webhookPath(HOOK_A)}`;
		const urlB = `${n8n.baseUrl}${webhookPath(HOOK_B)}`;
		const urlC = `${n8n.baseUrl}${webhookPath(HOOK_C)}`;
		const expected = new ExpectedRuns();
		const hook = (account: { id: number }, fields: Record<string, unknown>, url = urlA): Webhook =>
			emu.registerWebhook({
				webhook_url: url,
				event_type: 'All',
				request_content_type: 'Json',
				bank_account_id: account.id,
				...fields,
			});

		// C first: webhook ids restart at 1 after the emulator reset, and C's static data still holds
		// the id SePay gave it at server start; its deactivation deletes that id (404 here, "already
		// gone"), which must not hit a webhook registered below.
		let registered: Webhook | undefined;
		await ctx.test(
			'C (Automatic, OAuth2): unpublish, publish → registers its production URL at SePay (In_only, HMAC, its account)',
			async () => {
				await setActive(ctx, WF_C, false);
				assert.equal(emu.state.webhooks.size, 0, 'nothing registered yet');
				await setActive(ctx, WF_C, true);
				registered = await waitFor(
					'C registered at the emulator',
					() => [...emu.state.webhooks.values()].find((w) => w.webhook_url === urlC),
					30_000,
				);
				const forC = [...emu.state.webhooks.values()].filter((w) => w.webhook_url === urlC);
				assert.equal(forC.length, 1, 'one webhook for the URL');
				assert.equal(registered.source, 'api', 'registered through the OAuth2 API');
				assert.equal(registered.event_type, 'In_only');
				assert.equal(registered.authen_type, 'HMAC_SHA256');
				assert.match(registered.secret_key ?? '', /^whsec_/);
				assert.equal(registered.bank_mode, 'single');
				assert.equal(registered.bank_account_id, accounts.c.id);
				assert.equal(registered.request_content_type, 'Json');
				assert.equal(registered.retry_conditions.non_2xx_status_code, 1);
				assert.ok(registered.active);
				assert.equal(emu.countRequests('POST', '/api/v1/webhooks'), 1, 'one create call');
			},
		);

		const deliverToC = async (what: string, amount: number, code: string) => {
			assert.ok(registered, 'needs the registration');
			const sim = emu.simulateTransaction({
				accountNumber: accounts.c.accountNumber,
				amount,
				content: `LE VAN D chuyen khoan ${code}`,
			});
			expected.add(WF_C, simplified(sim.payload));
			const delivery = await deliveredOnce(onlyDelivery(sim, registered.id), sim.settled, what);
			await waitSeen(ctx, WF_C, sim.transaction.id);
			assert.match(delivery.attempts[0].requestHeaders['X-SePay-Signature'] ?? '', /^sha256=/);
			return delivery;
		};
		let firstC: Delivery | undefined;

		await ctx.test(
			"C: SePay's delivery signed with the secret it returned → acknowledged, one run; money out not sent",
			async () => {
				firstC = await deliverToC('C first', 480_000, 'DH100301');
				const out = emu.simulateTransaction({
					accountNumber: accounts.c.accountNumber,
					amount: 10_000,
					transferType: 'out',
				});
				assert.equal(out.deliveries.length, 0, 'SePay sends no money-out to an In_only webhook');
				const forged = JSON.stringify(fakePayload(990_021, 480_000));
				assertRefused(
					await post(urlC, forged, {
						...JSON_TYPE,
						...hmacHeaders('whsec_not_the_registered_one_00', forged),
					}),
					401,
					'Unauthorized',
				);
			},
		);

		// The emulator was reset before this part: the webhooks SePay knows are registered here.
		const hookAJson = hook(accounts.aJson, { authen_type: 'Api_Key', api_key: API_KEY_A });
		const hookAForm = hook(accounts.aForm, {
			authen_type: 'Api_Key',
			api_key: API_KEY_A,
			request_content_type: 'application_x-www-form-urlencoded',
		});
		const hookARetry = hook(accounts.aRetry, {
			authen_type: 'Api_Key',
			api_key: 'e2e-trigger-a-key-before-rotation',
		});
		const hookB = hook(accounts.b, { authen_type: 'HMAC_SHA256', secret_key: HMAC_SECRET_B }, urlB);
		let firstA: Delivery | undefined;
		let burstB: Delivery[] = [];

		await ctx.test('A and B are live (unauthenticated POST → 401)', async () => {
			for (const hookId of [HOOK_A, HOOK_B]) {
				assert.equal(
					await n8n.waitForWebhook(webhookPath(hookId), {
						method: 'POST',
						headers: JSON_TYPE,
						body: '{}',
					}),
					401,
				);
			}
		});

		await ctx.test(
			'A (API key): JSON delivery → 200 {"success":true}, one run with the simplified transaction',
			async () => {
				const sim = emu.simulateTransaction({
					accountNumber: accounts.aJson.accountNumber,
					amount: 150_000,
					content: 'NGUYEN VAN A chuyen tien DH100201',
				});
				expected.add(WF_A, simplified(sim.payload));
				firstA = await deliveredOnce(onlyDelivery(sim, hookAJson.id), sim.settled, 'A JSON');
				assert.equal(firstA.attempts[0].requestHeaders.Authorization, `Apikey ${API_KEY_A}`);
				const [execution] = await ctx.waitForExecutions(WF_A, 1, 30_000);
				const [item] = nodeItems(execution, 'SePay Trigger');
				assert.deepEqual(Object.keys(item).sort(), SIMPLE_KEYS);
				assert.equal(item.id, sim.transaction.id);
				assert.equal(item.amount, 150_000);
				assert.equal(item.paymentCode, 'DH100201');
				assert.equal(item.direction, 'in');
			},
		);

		await ctx.test(
			'A: form-urlencoded delivery → acknowledged, run with numbers and nulls restored',
			async () => {
				const sim = emu.simulateTransaction({
					accountNumber: accounts.aForm.accountNumber,
					amount: 75_500,
					content: 'Chuyen tien hoc phi',
				});
				assert.equal(sim.payload.code, null, 'the memo should carry no payment code');
				expected.add(WF_A, simplified(sim.payload));
				const delivery = await deliveredOnce(
					onlyDelivery(sim, hookAForm.id),
					sim.settled,
					'A form',
				);
				assert.equal(delivery.contentType, 'application/x-www-form-urlencoded');
				assert.match(delivery.body, /transferAmount=75500/);
			},
		);

		await ctx.test(
			`A: filtered out (money out; money in under ${MIN_AMOUNT}) → acknowledged, no run`,
			async () => {
				const out = emu.simulateTransaction({
					accountNumber: accounts.aJson.accountNumber,
					amount: 20_000,
					transferType: 'out',
					content: 'Thanh toan DH100202',
				});
				const small = emu.simulateTransaction({
					accountNumber: accounts.aJson.accountNumber,
					amount: MIN_AMOUNT - 1,
					content: 'Chuyen tien DH100203',
				});
				await deliveredOnce(onlyDelivery(out, hookAJson.id), out.settled, 'A money out');
				await deliveredOnce(onlyDelivery(small, hookAJson.id), small.settled, 'A small amount');
			},
		);

		await ctx.test(
			'A: replay and duplicate of a delivered transaction → acknowledged, no second run',
			async () => {
				assert.ok(firstA, 'needs the first A delivery');
				const replay = emu.replayDelivery(firstA.id);
				const duplicate = emu.duplicateDelivery(hookAJson.id, firstA.transactionId);
				await emu.waitForDeliveries(
					() => [replay, duplicate].every((d) => d.status === 'success' || d.status === 'failed'),
					15_000,
				);
				for (const d of [replay, duplicate]) {
					assert.equal(d.status, 'success', `${d.kind}: ${d.status}`);
					assert.equal(d.attempts.length, 1);
					assertAttemptOk(d.attempts[0], d.kind);
				}
			},
		);

		await ctx.test(
			'A: the same new transaction delivered twice at once (original + duplicate) → both acknowledged, one run',
			async () => {
				const sim = emu.simulateTransaction({
					accountNumber: accounts.aJson.accountNumber,
					amount: 64_000,
					content: 'PHAM VAN E DH100205',
				});
				const twin = emu.duplicateDelivery(hookAJson.id, sim.transaction.id);
				expected.add(WF_A, simplified(sim.payload));
				await deliveredOnce(onlyDelivery(sim, hookAJson.id), sim.settled, 'A original');
				await emu.waitForDeliveries(
					() => twin.status === 'success' || twin.status === 'failed',
					15_000,
				);
				assert.equal(twin.status, 'success');
				assertAttemptOk(twin.attempts[0], 'A twin');
			},
		);

		await ctx.test(
			'A: retry — first attempt refused (old key), key fixed in SePay, the retry succeeds → one run',
			async () => {
				const sim = emu.simulateTransaction({
					accountNumber: accounts.aRetry.accountNumber,
					amount: 990_000,
					content: 'NGUYEN THI B DH100204',
				});
				expected.add(WF_A, simplified(sim.payload));
				const delivery = onlyDelivery(sim, hookARetry.id);
				await sim.firstAttempts;
				assert.equal(
					delivery.attempts[0].status,
					401,
					`first attempt answered ${delivery.attempts[0].status}`,
				);
				assert.deepEqual(JSON.parse(delivery.attempts[0].body ?? 'null'), {
					success: false,
					message: 'Unauthorized',
				});
				// As a user would: PATCH the webhook's key through SePay's own API.
				const token = emu.issueOAuthToken({
					scopes: ['webhook:read', 'webhook:write'],
				}).access_token;
				const patched = await fetch(`${emu.baseUrl}/api/v1/webhooks/${hookARetry.id}`, {
					method: 'PATCH',
					headers: { ...JSON_TYPE, authorization: `Bearer ${token}` },
					body: JSON.stringify({ api_key: API_KEY_A }),
				});
				assert.equal(patched.status, 200);
				await sim.settled;
				assert.equal(
					delivery.status,
					'success',
					`after ${delivery.attempts.map((a) => a.status).join(', ')}`,
				);
				assert.ok(delivery.attempts.length >= 2);
				assert.ok(
					delivery.attempts.slice(0, -1).every((a) => a.status === 401),
					'only the last attempt may succeed',
				);
				assertAttemptOk(delivery.attempts[delivery.attempts.length - 1], 'retry');
			},
		);

		await ctx.test(
			'A: forged key, no Authorization, wrong scheme, key with a suffix → 401 Unauthorized',
			async () => {
				const body = JSON.stringify(fakePayload(990_001, 50_000_000));
				const tries: Array<[string, Record<string, string>]> = [
					['wrong key', { ...JSON_TYPE, authorization: 'Apikey e2e-trigger-a-key-forged' }],
					['no header', { ...JSON_TYPE }],
					['Bearer scheme', { ...JSON_TYPE, authorization: `Bearer ${API_KEY_A}` }],
					['key without scheme', { ...JSON_TYPE, authorization: API_KEY_A }],
					['key with a suffix', { ...JSON_TYPE, authorization: `Apikey ${API_KEY_A}x` }],
				];
				for (const [what, headers] of tries) {
					const answer = await post(urlA, body, headers);
					assert.doesNotThrow(
						() => assertRefused(answer, 401, 'Unauthorized'),
						`${what}: ${answer.status} ${answer.body}`,
					);
				}
			},
		);

		await ctx.test('A: malformed bodies with the right key → 400, no run', async () => {
			const auth = { authorization: `Apikey ${API_KEY_A}` };
			const noAmount: Record<string, unknown> = { ...fakePayload(990_002, 1) };
			delete noAmount.transferAmount;
			const tries: Array<[string, string, string]> = [
				[
					'JSON array',
					'[{"id":990003,"transferType":"in","transferAmount":100000}]',
					'application/json',
				],
				['JSON, not a transaction', '{"hello":"world"}', 'application/json'],
				['transaction without transferAmount', JSON.stringify(noAmount), 'application/json'],
				[
					'id not an id',
					JSON.stringify({ ...fakePayload(990_004, 100_000), id: { $gt: 0 } }),
					'application/json',
				],
				['plain-text garbage', '%%% not a SePay delivery %%%', 'text/plain'],
			];
			for (const [what, body, type] of tries) {
				const answer = await post(urlA, body, { ...auth, 'content-type': type });
				assert.doesNotThrow(
					() => assertRefused(answer, 400, 'Bad request'),
					`${what}: ${answer.status} ${answer.body}`,
				);
			}
			// Unparseable JSON is refused by n8n's body parser (2.8 and 2.41) before the node runs.
			const garbage = await post(urlA, '{"id": 990005, "transferAmount": 1', {
				...auth,
				...JSON_TYPE,
			});
			assert.equal(
				garbage.status,
				422,
				`broken JSON: ${garbage.status} ${garbage.body.slice(0, 200)}`,
			);
		});

		await ctx.test(
			"B (HMAC): signed deliveries, money in and out → acknowledged, runs carry SePay's raw payload",
			async () => {
				// A burst: both deliveries arrive together (n8n hands each the same static data).
				const sims = [
					emu.simulateTransaction({
						accountNumber: accounts.b.accountNumber,
						amount: 250_000,
						content: 'TRAN VAN C thanh toan HD7K2Q',
					}),
					emu.simulateTransaction({
						accountNumber: accounts.b.accountNumber,
						amount: 30_000,
						transferType: 'out',
						content: 'Phi dich vu',
					}),
				];
				for (const sim of sims) expected.add(WF_B, { ...sim.payload });
				burstB = await Promise.all(
					sims.map((sim) =>
						deliveredOnce(
							onlyDelivery(sim, hookB.id),
							sim.settled,
							`B ${sim.payload.transferType}`,
						),
					),
				);
				for (const delivery of burstB)
					assert.match(
						delivery.attempts[0].requestHeaders['X-SePay-Signature'] ?? '',
						/^sha256=[0-9a-f]{64}$/,
					);
			},
		);

		await ctx.test(
			'B: replays of both burst deliveries (re-signed by SePay) → acknowledged, no second run',
			async () => {
				assert.equal(burstB.length, 2, 'needs the burst deliveries');
				const replays = burstB.map((d) => emu.replayDelivery(d.id));
				await emu.waitForDeliveries(
					() => replays.every((d) => d.status === 'success' || d.status === 'failed'),
					15_000,
				);
				for (const replay of replays) {
					assert.equal(replay.status, 'success');
					assertAttemptOk(replay.attempts[0], 'B replay');
					assert.notEqual(replay.attempts[0].requestHeaders['X-SePay-Signature'], undefined);
				}
			},
		);

		await ctx.test(
			'B: wrong secret, stale timestamp, tampered body, no signature, bare hex → 401 Unauthorized',
			async () => {
				const body = JSON.stringify(fakePayload(990_011, 12_000_000));
				const tampered = JSON.stringify(fakePayload(990_011, 99_000_000));
				const now = Math.floor(Date.now() / 1000);
				const good = hmacHeaders(HMAC_SECRET_B, body, now);
				const tries: Array<[string, string, Record<string, string>]> = [
					['wrong secret', body, hmacHeaders('whsec_forged_secret_0000000000', body, now)],
					['stale timestamp (10 min)', body, hmacHeaders(HMAC_SECRET_B, body, now - 600)],
					['future timestamp (10 min)', body, hmacHeaders(HMAC_SECRET_B, body, now + 600)],
					['tampered body', tampered, good],
					['no signature headers', body, {}],
					['timestamp only', body, { 'x-sepay-timestamp': good['x-sepay-timestamp'] }],
					[
						'bare hex signature',
						body,
						{ ...good, 'x-sepay-signature': good['x-sepay-signature'].replace('sha256=', '') },
					],
					['API key instead', body, { authorization: `Apikey ${HMAC_SECRET_B}` }],
				];
				for (const [what, sent, headers] of tries) {
					const answer = await post(urlB, sent, { ...JSON_TYPE, ...headers });
					assert.doesNotThrow(
						() => assertRefused(answer, 401, 'Unauthorized'),
						`${what}: ${answer.status} ${answer.body}`,
					);
				}
			},
		);

		await ctx.test(
			'B: correctly signed bodies that are not transactions → 400, no run',
			async () => {
				const tries: Array<[string, string, string]> = [
					['JSON, not a transaction', '{"success":true}', 'application/json'],
					[
						'transferType missing',
						JSON.stringify({ ...fakePayload(990_012, 1000), transferType: 'sideways' }),
						'application/json',
					],
					['plain-text garbage', 'garbage-garbage-garbage', 'text/plain'],
				];
				for (const [what, body, type] of tries) {
					const answer = await post(urlB, body, {
						'content-type': type,
						...hmacHeaders(HMAC_SECRET_B, body),
					});
					assert.doesNotThrow(
						() => assertRefused(answer, 400, 'Bad request'),
						`${what}: ${answer.status} ${answer.body}`,
					);
				}
			},
		);

		await ctx.test(
			'C: after an n8n restart still one webhook (same id, no create, no delete); deliveries verify; a replay from before is not run again',
			async () => {
				assert.ok(registered, 'needs the registration');
				const creates = emu.countRequests('POST', '/api/v1/webhooks');
				const deletes = emu.countRequests('DELETE', /^\/api\/v1\/webhooks\//);
				const lookups = emu.countRequests('GET', '/api/v1/webhooks');
				await restart(ctx);
				// n8n 2.8 asks SePay (checkExists) on every start; 2.41 re-activates only when its
				// publication state says so. Wait for the lookup, or long enough for a create to show.
				await waitFor(
					'C checked its registration',
					() => (emu.countRequests('GET', '/api/v1/webhooks') > lookups ? true : undefined),
					5000,
				).catch(() => undefined);
				await sleep(1500);
				assert.equal(
					emu.countRequests('POST', '/api/v1/webhooks'),
					creates,
					'a second webhook was created',
				);
				assert.equal(
					emu.countRequests('DELETE', /^\/api\/v1\/webhooks\//),
					deletes,
					'a webhook was deleted',
				);
				const forC = [...emu.state.webhooks.values()].filter((w) => w.webhook_url === urlC);
				assert.deepEqual(
					forC.map((w) => w.id),
					[registered.id],
				);
				await deliverToC('C after restart', 512_000, 'DH100302');
				// Only static data survived the restart: the replay must still be recognised.
				assert.ok(firstC, 'needs the first C delivery');
				const replay = emu.replayDelivery(firstC.id);
				await emu.waitForDeliveries(
					() => replay.status === 'success' || replay.status === 'failed',
					15_000,
				);
				assert.equal(replay.status, 'success');
				assertAttemptOk(replay.attempts[0], 'C replay after restart');
			},
		);

		await ctx.test(
			'exactly the expected runs per workflow (ids, amounts, items), nothing from refused requests',
			async () => {
				for (const id of [WF_A, WF_B, WF_C])
					await ctx.waitForExecutions(id, expected.count(id), 30_000);
				await sleep(STRAGGLER_WAIT_MS);
				for (const id of [WF_A, WF_B, WF_C]) expected.check(id, await ctx.executions(id));
				assert.deepEqual(
					[WF_A, WF_B, WF_C].map((id) => expected.count(id)),
					[4, 2, 2],
				);
			},
		);
	},
};
