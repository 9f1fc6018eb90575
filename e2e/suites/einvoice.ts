/**
 * eInvoice in a real n8n (by the eInvoice helper): the credential's token is fetched by n8n's own
 * preAuthentication and stored in n8n's database, so executions reuse it; eInvoice Token → Get
 * outputs exactly that token; Create (issued, waited for) → Download works; a re-run returns the
 * existing invoice; after the token expires n8n fetches one new token.
 */
import { assert, expectItems } from '../assert';
import { manualChain, sepayNode } from '../workflow-json';
import type { E2ESuite } from '../suite';

const WF = 'e2eEInvoiceChain1';
const REFERENCE = 'E2E-EINV-0001';

export const suite: E2ESuite = {
	name: 'einvoice',
	workflows: ({ emu }) => {
		const account = emu.state.einvoice.providerAccounts[0];
		return [
			manualChain(WF, 'e2e einvoice: usage → token → create → download', [
				sepayNode('Usage', { resource: 'einvoiceUsage', operation: 'get' }, 'eInvoice'),
				sepayNode('Token', { resource: 'einvoiceToken', operation: 'get' }, 'eInvoice'),
				sepayNode(
					'Create',
					{
						resource: 'invoice',
						operation: 'create',
						providerAccountId: account.id,
						template: `1|${account.templates[0].invoice_series}`,
						createAs: 'issue',
						buyerName: 'E2E buyer',
						items: {
							item: [{ itemName: 'E2E service', quantity: 1, unitPrice: 100000, taxRate: '10' }],
						},
						referenceCodeMode: 'custom',
						referenceCode: REFERENCE,
						options: { pollInterval: 0.2, timeout: 30 },
					},
					'eInvoice',
				),
				sepayNode(
					'Download',
					{
						resource: 'invoice',
						operation: 'download',
						trackingCode: '={{ $json.tracking_code || $json.reference_code }}',
						fileType: 'pdf',
					},
					'eInvoice',
				),
			]),
		];
	},

	async headless(ctx) {
		const { emu } = ctx;
		const tokenRequests = () => emu.countRequests('POST', '/v1/token');
		const einvoiceAuth = (fromSeq: number) =>
			emu.requests
				.filter((r) => r.seq > fromSeq && r.path.startsWith('/v1/') && r.path !== '/v1/token')
				.map((r) => r.headers.authorization);
		const lastSeq = () => emu.requests[emu.requests.length - 1]?.seq ?? 0;
		let firstToken = '';

		await ctx.test(
			'usage → token → create (issued) → download, with at most one token request',
			async () => {
				const before = tokenRequests();
				const seq = lastSeq();
				const result = await ctx.execute(WF);
				const [usage] = expectItems(result, 'Usage');
				assert.equal(typeof usage.quota_remaining, 'number');
				const [token] = expectItems(result, 'Token');
				firstToken = String(token.access_token);
				assert.ok(
					tokenRequests() - before <= 1,
					`token requests in one execution: ${tokenRequests() - before}`,
				);
				const used = einvoiceAuth(seq);
				assert.ok(used.length >= 4, 'too few eInvoice requests seen');
				assert.ok(
					used.every((h) => h === `Bearer ${firstToken}`),
					'Token → Get output is not the token the requests used',
				);
				assert.equal(typeof token.expires_at, 'string');
				const [created] = expectItems(result, 'Create');
				assert.equal(created.status, 'issued');
				assert.equal(created.alreadyExisted, false);
				const [file] = expectItems(result, 'Download');
				assert.match(String(file.file_name), /^HD_\d{7}_\d{8}\.pdf$/);
				assert.ok(Number(file.file_size) > 0);
			},
		);

		await ctx.test(
			'a second execution reuses the stored token and returns the existing invoice',
			async () => {
				const before = tokenRequests();
				const result = await ctx.execute(WF);
				assert.equal(tokenRequests(), before, 'the second execution fetched a token');
				const [token] = expectItems(result, 'Token');
				assert.equal(token.access_token, firstToken);
				const [created] = expectItems(result, 'Create');
				assert.equal(created.alreadyExisted, true);
				assert.equal(created.reference_code, REFERENCE);
				expectItems(result, 'Download');
			},
		);

		await ctx.test(
			'after the token expired: one new token, and Token → Get outputs it',
			async () => {
				emu.expireTokens();
				const before = tokenRequests();
				const seq = lastSeq();
				const result = await ctx.execute(WF);
				assert.equal(tokenRequests() - before, 1);
				const [token] = expectItems(result, 'Token');
				assert.notEqual(token.access_token, firstToken);
				const last = einvoiceAuth(seq).pop();
				assert.equal(last, `Bearer ${String(token.access_token)}`);
			},
		);
	},
};
