import type { Emulator } from '../../../../../emulator';
import type { CredentialStore } from '../../../../../harness';
import {
	createParameters,
	loadOptions,
	newStore,
	received,
	run,
	startEInvoiceEmulator,
	vatAccount,
} from './setup';

let emu: Emulator;
let store: CredentialStore;

beforeAll(async () => {
	emu = await startEInvoiceEmulator();
});
afterAll(async () => await emu.close());
beforeEach(() => {
	emu.reset();
	store = newStore(emu);
});

async function draft(reference: string) {
	await run({
		store,
		parameters: createParameters(emu, {
			createAs: 'draft',
			referenceCodeMode: 'custom',
			referenceCode: reference,
		}),
	});
}

describe('Invoice: draft lifecycle', () => {
	it('Issue a draft: POST /v1/invoices/issue, polls issue/check, outputs the issued invoice', async () => {
		await draft('DRAFT-1');
		const quotaBefore = emu.state.einvoice.quotaRemaining;
		const { output } = await run({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'issue',
				referenceCode: 'DRAFT-1',
				options: { pollInterval: 0.02 },
			},
		});
		expect(received(emu, 'POST', '/v1/invoices/issue')[0].body).toEqual({
			reference_code: 'DRAFT-1',
		});
		expect(received(emu, 'GET', /^\/v1\/invoices\/issue\/check\//).length).toBeGreaterThanOrEqual(
			1,
		);
		expect(output[0][0].json).toMatchObject({
			reference_code: 'DRAFT-1',
			status: 'issued',
			job_status: 'Success',
		});
		expect(output[0][0].json.invoice_number).not.toBe('0');
		expect(emu.state.einvoice.quotaRemaining).toBe(quotaBefore - 1);
	});

	it('Issue without waiting, then Get Issue Status by tracking code', async () => {
		await draft('DRAFT-2');
		// The job stays Pending until the test ends it (no race with a real delay).
		emu.setEInvoiceJobDelay(3_600_000);
		const issued = await run({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'issue',
				referenceCode: 'DRAFT-2',
				waitForCompletion: false,
			},
		});
		const tracking = issued.output[0][0].json.tracking_code as string;
		expect(issued.output[0][0].json).toMatchObject({
			reference_code: 'DRAFT-2',
			status: 'Pending',
		});
		emu.finishInvoiceJobs();
		const { output } = await run({
			store,
			parameters: { resource: 'invoice', operation: 'getIssueStatus', trackingCode: tracking },
		});
		expect(received(emu, 'GET', `/v1/invoices/issue/check/${tracking}`)).toHaveLength(1);
		expect(output[0][0].json).toMatchObject({
			tracking_code: tracking,
			reference_code: 'DRAFT-2',
			status: 'Success',
		});
		expect((output[0][0].json.invoice as { status: string }).status).toBe('issued');
	});

	it("Issue of a failing job outputs SePay's reason", async () => {
		await draft('DRAFT-3');
		emu.failNextInvoiceJob('Chữ ký số hết hạn');
		const error = await run({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'issue',
				referenceCode: 'DRAFT-3',
				options: { pollInterval: 0.02 },
			},
		}).catch((e) => e);
		expect(error.message).toBe('SePay could not issue the invoice: Chữ ký số hết hạn');
	});

	it('Get Creation Status: Pending, then Success with the invoice', async () => {
		emu.setEInvoiceJobDelay(3_600_000);
		const created = await run({
			store,
			parameters: createParameters(emu, { createAs: 'draft', waitForCompletion: false }),
		});
		const tracking = created.output[0][0].json.tracking_code as string;
		const parameters = {
			resource: 'invoice',
			operation: 'getCreationStatus',
			trackingCode: tracking,
		};
		const pending = await run({ store, parameters });
		expect(pending.output[0][0].json).toMatchObject({ tracking_code: tracking, status: 'Pending' });
		emu.finishInvoiceJobs();
		const done = await run({ store, parameters });
		expect(done.output[0][0].json).toMatchObject({
			status: 'Success',
			invoice: { status: 'draft', invoice_number: '0' },
		});
		expect(received(emu, 'GET', `/v1/invoices/create/check/${tracking}`)).toHaveLength(2);
	});

	it('Get: the detail by reference code', async () => {
		await draft('DRAFT-4');
		const { output } = await run({
			store,
			parameters: { resource: 'invoice', operation: 'get', referenceCode: 'DRAFT-4' },
		});
		expect(received(emu, 'GET', '/v1/invoices/DRAFT-4')).toHaveLength(1);
		expect(output[0][0].json).toMatchObject({
			reference_code: 'DRAFT-4',
			status: 'draft',
			items: expect.any(Array),
		});
	});

	it('Get of an unknown reference: 404 as a NodeApiError', async () => {
		const error = await run({
			store,
			parameters: { resource: 'invoice', operation: 'get', referenceCode: 'NOPE' },
		}).catch((e) => e);
		expect(error.httpCode).toBe('404');
		expect(error.message).toContain('404');
	});

	it('Delete Draft: POST /v1/invoices/delete/{reference}', async () => {
		await draft('DRAFT-5');
		const { output } = await run({
			store,
			parameters: { resource: 'invoice', operation: 'deleteDraft', referenceCode: 'DRAFT-5' },
		});
		expect(received(emu, 'POST', '/v1/invoices/delete/DRAFT-5')).toHaveLength(1);
		expect(output[0][0].json).toMatchObject({ deleted: true, reference_code: 'DRAFT-5' });
		expect(emu.state.einvoice.invoices.has('DRAFT-5')).toBe(false);
	});

	it('refuses a code with a slash before sending anything', async () => {
		const error = await run({
			store,
			parameters: { resource: 'invoice', operation: 'get', referenceCode: '../usage' },
		}).catch((e) => e);
		expect(error.message).toBe('Invalid value for "Reference Code": ../usage');
		expect(emu.requests.filter((r) => r.path.startsWith('/v1/invoices'))).toHaveLength(0);
	});
});

describe('Invoice → Download', () => {
	it("PDF into a binary property with SePay's file name", async () => {
		const created = await run({ store, parameters: createParameters(emu) });
		const tracking = created.output[0][0].json.tracking_code as string;
		const { output } = await run({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'download',
				trackingCode: tracking,
				fileType: 'pdf',
				binaryPropertyName: 'invoice',
			},
		});
		const [request] = received(emu, 'GET', `/v1/invoices/${tracking}/download`);
		expect(request.query).toEqual({ type: 'pdf' });
		const item = output[0][0];
		const binary = item.binary?.invoice;
		expect(binary).toBeDefined();
		const number = String(created.output[0][0].json.invoice_number).padStart(7, '0');
		expect(binary?.fileName).toBe(`HD_${number}_20260601.pdf`);
		expect(binary?.mimeType).toBe('application/pdf');
		const bytes = Buffer.from(binary?.data ?? '', 'base64');
		expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
		expect(item.json).toMatchObject({
			tracking_code: tracking,
			file_name: binary?.fileName,
			file_type: 'pdf',
			file_size: bytes.length,
		});
	});

	it('XML by reference code', async () => {
		await run({
			store,
			parameters: createParameters(emu, { referenceCodeMode: 'custom', referenceCode: 'XML-1' }),
		});
		const { output } = await run({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'download',
				trackingCode: 'XML-1',
				fileType: 'xml',
			},
		});
		const binary = output[0][0].binary?.data;
		expect(binary?.mimeType).toBe('application/xml');
		expect(binary?.fileName).toMatch(/\.xml$/);
		expect(Buffer.from(binary?.data ?? '', 'base64').toString('utf8')).toMatch(/^<\?xml/);
	});
});

describe('Invoice → Get Many', () => {
	beforeEach(async () => {
		await draft('LIST-1');
		await run({
			store,
			parameters: createParameters(emu, { referenceCodeMode: 'custom', referenceCode: 'LIST-2' }),
		});
		emu.clearRequests();
	});

	it('Return All pages through with per_page 100', async () => {
		const { output } = await run({
			store,
			parameters: { resource: 'invoice', operation: 'getAll', returnAll: true },
		});
		expect(output[0].map((i) => i.json.reference_code)).toEqual(
			expect.arrayContaining(['LIST-1', 'LIST-2']),
		);
		expect(output[0]).toHaveLength(emu.state.einvoice.invoices.size);
		expect(received(emu, 'GET', '/v1/invoices')[0].query).toMatchObject({
			page: '1',
			per_page: '100',
		});
	});

	it('Limit and the Source filter (sent to SePay)', async () => {
		const { output } = await run({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				limit: 1,
				filters: { source: 'api' },
			},
		});
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].json.source).toBe('api');
		expect(received(emu, 'GET', '/v1/invoices')[0].query).toMatchObject({
			source: 'api',
			per_page: '1',
		});
	});

	it('Status filter (applied by the node)', async () => {
		const { output } = await run({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'draft' },
			},
		});
		expect(output[0].map((i) => i.json.reference_code)).toEqual(['LIST-1']);
	});
});

describe('Provider Account, Usage, load options', () => {
	it('Get Many lists the accounts', async () => {
		const { output } = await run({
			store,
			parameters: { resource: 'providerAccount', operation: 'getAll', returnAll: true },
		});
		expect(output[0].map((i) => i.json.id)).toEqual(
			emu.state.einvoice.providerAccounts.map((a) => a.id),
		);
		expect(received(emu, 'GET', '/v1/provider-accounts')[0].query).toMatchObject({
			per_page: '100',
		});
	});

	it('Get returns the account with its templates', async () => {
		const account = emu.state.einvoice.providerAccounts[0];
		const { output } = await run({
			store,
			parameters: { resource: 'providerAccount', operation: 'get', providerAccountId: account.id },
		});
		expect(output[0][0].json).toMatchObject({
			id: account.id,
			templates: [
				{ template_code: '1', invoice_series: account.templates[0].invoice_series },
				{ template_code: '2', invoice_series: account.templates[1].invoice_series },
			],
		});
	});

	it('Usage → Get outputs the remaining quota as a number', async () => {
		emu.setEInvoiceQuota(534);
		const { output } = await run({
			store,
			parameters: { resource: 'einvoiceUsage', operation: 'get' },
		});
		expect(output[0][0].json).toEqual({ quota_remaining: 534 });
	});

	it('getProviderAccounts: active accounts first, labelled with provider and id', async () => {
		const options = await loadOptions(store, 'getProviderAccounts', {
			resource: 'invoice',
			operation: 'create',
		});
		const accounts = emu.state.einvoice.providerAccounts;
		expect(options.map((o) => o.value)).toEqual([accounts[0].id, accounts[1].id, accounts[2].id]);
		expect(options[0].name).toBe(`matbao · ${accounts[0].id}`);
		expect(options[2].name).toBe(`matbao · ${accounts[2].id} (inactive)`);
	});

	it('getTemplates: the chosen account\'s templates, value "code|series"', async () => {
		const options = await loadOptions(store, 'getTemplates', {
			resource: 'invoice',
			operation: 'create',
			providerAccountId: vatAccount(emu).providerAccountId,
		});
		const templates = emu.state.einvoice.providerAccounts[0].templates;
		expect(options).toEqual([
			{
				name: templates[0].invoice_label,
				value: `1|${templates[0].invoice_series}`,
				description: expect.any(String),
			},
			{
				name: templates[1].invoice_label,
				value: `2|${templates[1].invoice_series}`,
				description: expect.any(String),
			},
		]);
	});

	it('getTemplates without an account chosen asks SePay nothing', async () => {
		const options = await loadOptions(store, 'getTemplates', {
			resource: 'invoice',
			operation: 'create',
		});
		expect(options).toEqual([]);
		expect(emu.requests).toHaveLength(0);
	});
});

describe('Invoice → Issue: retried workflows', () => {
	it('an invoice that is already issued is output as it is (alreadyIssued), nothing issued twice', async () => {
		await draft('RETRY-1');
		const parameters = {
			resource: 'invoice',
			operation: 'issue',
			referenceCode: 'RETRY-1',
			options: { pollInterval: 0.02 },
		};
		const first = await run({ store, parameters });
		const quota = emu.state.einvoice.quotaRemaining;
		const again = await run({ store, parameters });
		expect(received(emu, 'POST', '/v1/invoices/issue').map((r) => r.status)).toEqual([200, 400]);
		expect(again.output[0][0].json).toMatchObject({
			reference_code: 'RETRY-1',
			status: 'issued',
			invoice_number: first.output[0][0].json.invoice_number,
			alreadyIssued: true,
		});
		expect(first.output[0][0].json.alreadyIssued).toBe(false);
		expect(emu.state.einvoice.quotaRemaining).toBe(quota);
	});

	it('a missing draft stays an error (404)', async () => {
		const error = await run({
			store,
			parameters: { resource: 'invoice', operation: 'issue', referenceCode: 'MISSING' },
		}).catch((e) => e);
		expect(error.httpCode).toBe('404');
	});
});
