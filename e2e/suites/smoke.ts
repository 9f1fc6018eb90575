/**
 * Smoke: the packed package loads in a real n8n, the three credentials work through n8n's own
 * credential machinery (authenticate, OAuth2 token data, preAuthentication), and the SePay node runs.
 */
import { assert, expectFailure, expectItems } from '../assert';
import { httpWithCredential, manualChain, node, ourType, sepayNode } from '../workflow-json';
import type { E2ESuite } from '../suite';

const WF = {
	bankAccounts: 'e2eSmokeBankAcc1',
	oauthProfile: 'e2eSmokeProfile1',
	httpApiToken: 'e2eSmokeHttpTok1',
	httpEInvoice: 'e2eSmokeHttpEInv',
	einvoiceUsage: 'e2eSmokeEInvUse1',
	unknownType: 'e2eSmokeUnknown1',
};

const bearer = (value: string) => `Bearer ${value}`;

export const suite: E2ESuite = {
	name: 'smoke',
	workflows: ({ emu }) => [
		manualChain(WF.bankAccounts, 'e2e smoke: bank accounts (API token)', [
			sepayNode(
				'Bank Accounts',
				{
					resource: 'bankAccount',
					operation: 'getAll',
					authentication: 'apiToken',
					returnAll: true,
				},
				'apiToken',
			),
		]),
		manualChain(WF.oauthProfile, 'e2e smoke: profile (OAuth2)', [
			sepayNode(
				'Profile',
				{ resource: 'profile', operation: 'get', authentication: 'oAuth2' },
				'oAuth2',
			),
		]),
		manualChain(WF.httpApiToken, 'e2e smoke: HTTP Request with the SePay API credential', [
			httpWithCredential('HTTP', `${emu.baseUrl}/v2/bank-accounts?per_page=2`, 'apiToken'),
		]),
		manualChain(WF.httpEInvoice, 'e2e smoke: HTTP Request with the SePay eInvoice credential', [
			httpWithCredential('HTTP', `${emu.baseUrl}/v1/usage`, 'eInvoice'),
		]),
		manualChain(WF.einvoiceUsage, 'e2e smoke: eInvoice usage', [
			sepayNode('Usage', { resource: 'einvoiceUsage', operation: 'get' }, 'eInvoice'),
		]),
		// Control for the check above: a type the package does not have must fail loudly.
		manualChain(WF.unknownType, 'e2e smoke: unknown node type', [
			node('Nope', ourType('noSuchNode')),
		]),
	],

	async headless(ctx) {
		const { emu } = ctx;

		await ctx.test(
			'SePay node (package loaded): Bank Account → Get Many with the API token',
			async () => {
				const items = expectItems(await ctx.execute(WF.bankAccounts), 'Bank Accounts');
				const expected = emu.state.accounts.map((a) => a.accountNumber).sort();
				const got = items.map((i) => String(i.account_number ?? i.accountNumber ?? '')).sort();
				assert.deepEqual(got, expected, 'the node should return every account of the emulator');
				const req = emu.requests.find((r) => r.method === 'GET' && r.path === '/v2/bank-accounts');
				assert.ok(req, 'the emulator saw no GET /v2/bank-accounts');
				assert.ok(
					req.headers.authorization === bearer(emu.secrets.apiToken),
					'API token was not sent as a Bearer header',
				);
			},
		);

		await ctx.test('unknown node type of the package fails (control)', async () => {
			const message = expectFailure(await ctx.execute(WF.unknownType));
			assert.match(message, /noSuchNode|Unrecognized node type|not known/i);
		});

		await ctx.test('SePay node: Profile → Get with imported OAuth2 token data', async () => {
			const [me] = expectItems(await ctx.execute(WF.oauthProfile), 'Profile');
			assert.ok(Object.keys(me).length > 0, 'empty profile');
			const req = emu.requests.find((r) => r.method === 'GET' && r.path === '/api/v1/me');
			assert.ok(req, 'the emulator saw no GET /api/v1/me');
			assert.match(
				String(req.headers.authorization),
				/^Bearer \S+$/,
				'no OAuth2 Bearer token sent',
			);
		});

		await ctx.test(
			'OAuth2: an expired access token is refreshed by n8n (hidden token URL resolved)',
			async () => {
				emu.expireTokens();
				emu.clearRequests();
				const [me] = expectItems(await ctx.execute(WF.oauthProfile), 'Profile');
				assert.ok(Object.keys(me).length > 0, 'empty profile');
				const refresh = emu.requests.find((r) => r.method === 'POST' && r.path === '/oauth/token');
				assert.ok(refresh, 'n8n did not call /oauth/token');
				assert.equal((refresh.body as Record<string, unknown>)?.grant_type, 'refresh_token');
			},
		);

		await ctx.test("n8n's HTTP Request node with the SePay API credential", async () => {
			const [body] = expectItems(await ctx.execute(WF.httpApiToken), 'HTTP');
			assert.ok(
				Array.isArray(body.data),
				`expected { data: [...] }, got ${JSON.stringify(body).slice(0, 200)}`,
			);
		});

		await ctx.test(
			"n8n's HTTP Request node with the SePay eInvoice credential (token by preAuthentication)",
			async () => {
				const [body] = expectItems(await ctx.execute(WF.httpEInvoice), 'HTTP');
				assert.equal(body.success, true, `unexpected body ${JSON.stringify(body).slice(0, 200)}`);
				const token = emu.requests.find((r) => r.method === 'POST' && r.path === '/v1/token');
				assert.ok(token, 'n8n did not fetch an eInvoice token');
				assert.match(
					String(token.headers.authorization),
					/^Basic /,
					'token request without Basic auth',
				);
				const usage = emu.requests.find((r) => r.method === 'GET' && r.path === '/v1/usage');
				assert.match(
					String(usage?.headers.authorization),
					/^Bearer \S+$/,
					'usage request without the fetched token',
				);
			},
		);

		await ctx.test('SePay node: eInvoice Usage → Get (quota as a number)', async () => {
			emu.setEInvoiceQuota(534);
			const [usage] = expectItems(await ctx.execute(WF.einvoiceUsage), 'Usage');
			assert.equal(usage.quota_remaining, 534);
		});
	},
};
