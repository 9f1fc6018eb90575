import { startEmulator, type Emulator } from '../index';
import { call, type HttpResult } from './helpers';

let emu: Emulator;
let token: string;
let approved: string;
let notApproved: string;

beforeAll(async () => {
	emu = await startEmulator({
		port: 0,
		transactions: 10,
		einvoiceJobDelayMs: 80,
		einvoiceQuota: 50,
		einvoiceTokenTtlSeconds: 7200,
	});
	const basic = Buffer.from(
		`${emu.secrets.einvoiceClientId}:${emu.secrets.einvoiceClientSecret}`,
	).toString('base64');
	const res = await call(emu.baseUrl, 'POST', '/v1/token', {
		headers: { Authorization: `Basic ${basic}` },
	});
	token = res.json.data.access_token;
	const accounts = (await call(emu.baseUrl, 'GET', '/v1/provider-accounts', { token })).json.data
		.items;
	approved = accounts.find((a: any) => a.tax_authority_approved_date && a.active).id;
	notApproved = accounts.find((a: any) => !a.tax_authority_approved_date).id;
});

afterAll(async () => {
	await emu.close();
});

afterEach(() => {
	jest.restoreAllMocks();
});

const get = (path: string, t = token): Promise<HttpResult> =>
	call(emu.baseUrl, 'GET', `/v1${path}`, { token: t });
const post = (path: string, json?: unknown): Promise<HttpResult> =>
	call(emu.baseUrl, 'POST', `/v1${path}`, { token, json });

let refSeq = 0;
function invoiceBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		template_code: '1',
		invoice_series: 'C26TAT',
		issued_date: '2026-11-01 09:00:00',
		currency: 'VND',
		provider_account_id: approved,
		reference_code: `ORDER-${++refSeq}-${Date.now()}`,
		payment_method: 'CK',
		is_draft: true,
		buyer: {
			type: 'company',
			name: 'Công ty ABC',
			tax_code: '0101234567',
			address: 'Hà Nội',
			email: 'buyer@example.com',
		},
		items: [
			{
				line_number: 1,
				line_type: 1,
				item_code: 'SP001',
				item_name: 'Sản phẩm A',
				unit: 'cái',
				quantity: 2,
				unit_price: 100000,
				tax_rate: 10,
			},
		],
		notes: 'Ghi chú',
		...overrides,
	};
}

async function poll(path: string): Promise<HttpResult> {
	for (let i = 0; i < 100; i++) {
		const res = await get(path);
		if (res.json?.data?.status !== 'Pending') return res;
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error(`still Pending: ${path}`);
}

describe('token', () => {
	it('issues a bearer token with Basic auth and counts the calls', async () => {
		const before = emu.countRequests('POST', '/v1/token');
		const basic = Buffer.from(
			`${emu.secrets.einvoiceClientId}:${emu.secrets.einvoiceClientSecret}`,
		).toString('base64');
		const res = await call(emu.baseUrl, 'POST', '/v1/token', {
			headers: { Authorization: `Basic ${basic}` },
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			success: true,
			data: { access_token: expect.any(String), token_type: 'Bearer', expires_in: 7200 },
		});
		expect(emu.countRequests('POST', '/v1/token')).toBe(before + 1);
	});

	it('400 without Basic auth, 401 with wrong credentials', async () => {
		const none = await call(emu.baseUrl, 'POST', '/v1/token');
		expect(none.status).toBe(400);
		expect(none.json).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
		const wrong = await call(emu.baseUrl, 'POST', '/v1/token', {
			headers: { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
		});
		expect(wrong.status).toBe(401);
		expect(wrong.json.error.code).toBe('UNAUTHORIZED');
	});

	it('401 on missing, foreign and expired tokens', async () => {
		expect((await call(emu.baseUrl, 'GET', '/v1/usage')).status).toBe(401);
		expect((await get('/usage', emu.issueOAuthToken().access_token)).status).toBe(401);
		const short = emu.issueEInvoiceToken({ ttlSeconds: 60 }).access_token;
		expect((await get('/usage', short)).status).toBe(200);
		const now = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
		const expired = await get('/usage', short);
		expect(expired.status).toBe(401);
		expect(expired.json).toEqual({
			success: false,
			error: { code: 'UNAUTHORIZED', message: expect.any(String) },
		});
	});
});

describe('provider accounts and usage', () => {
	it('lists accounts with paging and returns templates in the detail', async () => {
		const list = await get('/provider-accounts?per_page=2');
		expect(list.json.data.paging).toEqual({
			per_page: 2,
			total: 3,
			has_more: true,
			current_page: 1,
			page_count: 2,
		});
		expect(list.json.data.items[0]).toEqual({
			id: expect.any(String),
			provider: 'matbao',
			active: true,
			tax_authority_approved_date: '2026-04-20',
		});
		const detail = await get(`/provider-accounts/${approved}`);
		expect(detail.json.data.templates).toEqual([
			{
				template_code: '1',
				invoice_series: 'C26TAT',
				invoice_label: expect.stringContaining('giá trị gia tăng'),
			},
			{
				template_code: '2',
				invoice_series: 'C26TMB',
				invoice_label: expect.stringContaining('bán hàng'),
			},
		]);
		expect((await get('/provider-accounts/nope')).status).toBe(404);
		expect((await get('/provider-accounts?per_page=101')).status).toBe(400);
	});

	it('usage reports quota_remaining as a string', async () => {
		const res = await get('/usage');
		expect(res.json).toEqual({
			success: true,
			data: { quota_remaining: expect.stringMatching(/^\d+$/) },
		});
	});
});

describe('invoice lifecycle', () => {
	it('draft → create/check → issue → issue/check → download', async () => {
		const quotaBefore = Number((await get('/usage')).json.data.quota_remaining);
		const body = invoiceBody();
		// Pending until the test ends the job: no race with the job delay on a busy machine.
		emu.setEInvoiceJobDelay(3_600_000);
		const created = await post('/invoices/create', body);
		emu.setEInvoiceJobDelay(80);
		expect(created.status).toBe(200);
		expect(created.json.data).toEqual({
			tracking_code: expect.any(String),
			tracking_url: `${emu.baseUrl}/v1/invoices/create/check/${created.json.data.tracking_code}`,
			message: expect.any(String),
		});
		const tracking = created.json.data.tracking_code;
		expect(tracking).not.toBe(body.reference_code);

		const pending = await get(`/invoices/create/check/${tracking}`);
		expect(pending.json.data).toMatchObject({
			status: 'Pending',
			reference_code: body.reference_code,
		});
		emu.finishInvoiceJobs();
		const done = await poll(`/invoices/create/check/${tracking}`);
		expect(done.json.data).toMatchObject({
			status: 'Success',
			reference_code: body.reference_code,
			invoice: {
				reference_code: body.reference_code,
				invoice_number: '0',
				status: 'draft',
				issued_date: '2026-11-01',
				total_before_tax: 200000,
				tax_amount: 20000,
				total_amount: 220000,
				source: 'api',
			},
		});
		expect(Number((await get('/usage')).json.data.quota_remaining)).toBe(quotaBefore);

		const detail = await get(`/invoices/${body.reference_code}`);
		expect(detail.json.data).toMatchObject({
			status: 'draft',
			document_type: 1,
			invoice_series: 'C26TAT',
			payment_method: 'CK',
		});
		expect(detail.json.data.items[0]).toMatchObject({
			quantity: '2.00',
			unit_price: '100000.00',
			total_amount: '200000.00',
			tax_rate: '10.00',
			tax_amount: '20000.00',
		});

		const issued = await post('/invoices/issue', { reference_code: body.reference_code });
		expect(issued.status).toBe(200);
		const issueTracking = issued.json.data.tracking_code;
		expect(issued.json.data.tracking_url).toBe(
			`${emu.baseUrl}/v1/invoices/issue/check/${issueTracking}`,
		);
		expect((await get(`/invoices/create/check/${issueTracking}`)).status).toBe(404);
		const issueDone = await poll(`/invoices/issue/check/${issueTracking}`);
		expect(issueDone.json.data).toMatchObject({
			status: 'Success',
			invoice: { status: 'issued', invoice_number: expect.stringMatching(/^[1-9]\d*$/) },
		});
		expect(Number((await get('/usage')).json.data.quota_remaining)).toBe(quotaBefore - 1);

		const pdf = await get(`/invoices/${tracking}/download?type=pdf`);
		expect(pdf.json.data).toMatchObject({
			file_type: 'pdf',
			type: 'pdf',
			file_name: expect.stringMatching(/^HD_\d{7}_20261101\.pdf$/),
		});
		const bytes = Buffer.from(pdf.json.data.content, 'base64').toString('latin1');
		expect(bytes.startsWith('%PDF-1.4')).toBe(true);
		expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true);
		const xref = Number(/startxref\n(\d+)/.exec(bytes)?.[1]);
		expect(bytes.slice(xref, xref + 4)).toBe('xref');
		const xml = await get(`/invoices/${body.reference_code}/download?type=xml`);
		expect(Buffer.from(xml.json.data.content, 'base64').toString('utf8')).toMatch(
			/^<\?xml version="1\.0" encoding="UTF-8"\?>[\s\S]*Công ty ABC/,
		);
		expect((await get(`/invoices/${body.reference_code}/download?type=docx`)).status).toBe(400);
		const links = (await get(`/invoices/${body.reference_code}`)).json.data;
		const portal = await fetch(links.pdf_url);
		expect(portal.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await portal.arrayBuffer())
				.subarray(0, 8)
				.toString('latin1'),
		).toBe('%PDF-1.4');
		expect((await fetch(links.xml_url)).status).toBe(200);
		expect((await get('/invoices/unknown/download?type=pdf')).status).toBe(404);

		const again = await post('/invoices/issue', { reference_code: body.reference_code });
		expect(again.status).toBe(400);
		const del = await post(`/invoices/delete/${body.reference_code}`);
		expect(del.status).toBe(400);
	});

	it('create with is_draft false issues at once; auto reference doubles as tracking code', async () => {
		const body = invoiceBody({
			is_draft: false,
			reference_code: undefined,
			template_code: '2',
			invoice_series: 'C26TMB',
			items: [
				{ line_number: 1, line_type: 1, item_name: 'Dịch vụ', quantity: 1.5, unit_price: 200000 },
				{ line_number: 2, line_type: 4, item_name: 'Ghi chú dòng' },
			],
		});
		const created = await post('/invoices/create', body);
		const tracking = created.json.data.tracking_code;
		const done = await poll(`/invoices/create/check/${tracking}`);
		expect(done.json.data).toMatchObject({
			status: 'Success',
			reference_code: tracking,
			invoice: { status: 'issued', total_amount: 300000, tax_amount: 0 },
		});
	});

	it('409 EINVOICE_DOCUMENT_EXISTED on a reused reference_code', async () => {
		const body = invoiceBody();
		expect((await post('/invoices/create', body)).status).toBe(200);
		const dup = await post('/invoices/create', body);
		expect(dup.status).toBe(409);
		expect(dup.json).toEqual({
			success: false,
			error: { code: 'EINVOICE_DOCUMENT_EXISTED', message: expect.any(String) },
		});
	});

	it('a failed job reports Failed with its reason and frees the reference', async () => {
		emu.failNextInvoiceJob('Mã số thuế người mua không hợp lệ');
		const body = invoiceBody();
		const created = await post('/invoices/create', body);
		const done = await poll(`/invoices/create/check/${created.json.data.tracking_code}`);
		expect(done.json.data).toEqual({
			reference_code: body.reference_code,
			status: 'Failed',
			message: 'Mã số thuế người mua không hợp lệ',
		});
		expect((await get(`/invoices/${body.reference_code}`)).status).toBe(404);
		expect((await post('/invoices/create', body)).status).toBe(200);
	});

	it('delete removes a draft only', async () => {
		const body = invoiceBody();
		const created = await post('/invoices/create', body);
		await poll(`/invoices/create/check/${created.json.data.tracking_code}`);
		const del = await post(`/invoices/delete/${body.reference_code}`);
		expect(del.json).toEqual({
			success: true,
			data: { reference_code: body.reference_code, message: 'Hóa đơn nháp đã được xóa thành công' },
		});
		expect((await get(`/invoices/${body.reference_code}`)).status).toBe(404);
		expect((await post(`/invoices/delete/${body.reference_code}`)).status).toBe(404);
	});

	it('lists invoices newest first with paging and the source filter', async () => {
		const manual = await get('/invoices?source=manual');
		expect(manual.json.data.items.length).toBe(3);
		expect(
			manual.json.data.items.every((i: any) => i.source === 'manual' && i.status === 'issued'),
		).toBe(true);
		const api = await get('/invoices?source=api&per_page=1');
		expect(api.json.data.paging).toMatchObject({ per_page: 1, current_page: 1, has_more: true });
		const all = await get('/invoices?per_page=100');
		expect(all.json.data.paging.total).toBe(
			manual.json.data.items.length + api.json.data.paging.total,
		);
		expect((await get('/invoices?source=ui')).status).toBe(400);
	});
});

describe('validation and business errors', () => {
	it('400 with field messages for missing and malformed fields', async () => {
		const empty = await post('/invoices/create', {});
		expect(empty.status).toBe(400);
		expect(empty.json.success).toBe(false);
		expect(Object.keys(empty.json.error.errors).sort()).toEqual([
			'buyer',
			'currency',
			'invoice_series',
			'issued_date',
			'items',
			'provider_account_id',
			'template_code',
		]);

		const cases: [Record<string, unknown>, string][] = [
			[
				{
					items: [
						{
							line_number: 1,
							line_type: 1,
							item_name: 'A',
							quantity: 1,
							unit_price: 1,
							tax_rate: 7,
						},
					],
				},
				'items.0.tax_rate',
			],
			[
				{
					items: [
						{
							line_number: 1,
							line_type: 1,
							item_name: 'A',
							quantity: 1.234,
							unit_price: 1,
							tax_rate: 10,
						},
					],
				},
				'items.0.quantity',
			],
			[
				{ items: [{ line_number: 1, line_type: 1, item_name: 'A', quantity: 1, unit_price: 1 }] },
				'items.0.tax_rate',
			],
			[{ items: [{ line_number: 1, line_type: 9, item_name: '' }] }, 'items.0.line_type'],
			[{ total_amount: 100000.5 }, 'total_amount'],
			[{ currency: 'EUR' }, 'currency'],
			[{ issued_date: '2026-11-01' }, 'issued_date'],
			[{ payment_method: 'CARD' }, 'payment_method'],
			[{ buyer: { email: 'not-an-email' } }, 'buyer.email'],
		];
		for (const [override, field] of cases) {
			const res = await post('/invoices/create', invoiceBody(override));
			expect([res.status, res.json.error.code, Object.keys(res.json.error.errors ?? {})]).toEqual([
				400,
				'BAD_REQUEST',
				expect.arrayContaining([field]),
			]);
		}
		for (const rate of [-2, -1, 0, 5, 8, 10]) {
			const res = await post(
				'/invoices/create',
				invoiceBody({
					items: [
						{
							line_number: 1,
							line_type: 1,
							item_name: 'A',
							quantity: 1,
							unit_price: 1000,
							tax_rate: rate,
						},
					],
				}),
			);
			expect(res.status).toBe(200);
		}
		expect((await post('/invoices/create', invoiceBody({ total_amount: 500000 }))).status).toBe(
			200,
		);
		expect(
			(await post('/invoices/create', invoiceBody({ provider_account_id: 'nope' }))).status,
		).toBe(404);
		expect((await post('/invoices/create', invoiceBody({ invoice_series: 'ZZZ' }))).status).toBe(
			400,
		);
	});

	it('422 REGISTRATION_NOT_TAX_APPROVED and INVOICE_DATE_BEFORE_TAX_APPROVAL', async () => {
		const unapproved = await post(
			'/invoices/create',
			invoiceBody({ provider_account_id: notApproved, invoice_series: 'C26TBK', is_draft: false }),
		);
		expect(unapproved.status).toBe(422);
		expect(unapproved.json.error.code).toBe('REGISTRATION_NOT_TAX_APPROVED');
		const early = await post(
			'/invoices/create',
			invoiceBody({ issued_date: '2026-03-01 08:00:00', is_draft: false }),
		);
		expect(early.status).toBe(422);
		expect(early.json.error.code).toBe('INVOICE_DATE_BEFORE_TAX_APPROVAL');

		const draft = invoiceBody({ issued_date: '2026-03-01 08:00:00' });
		const created = await post('/invoices/create', draft);
		await poll(`/invoices/create/check/${created.json.data.tracking_code}`);
		const issue = await post('/invoices/issue', { reference_code: draft.reference_code });
		expect(issue.status).toBe(422);
		expect(issue.json.error.code).toBe('INVOICE_DATE_BEFORE_TAX_APPROVAL');
	});

	it('403 QUOTA_EXCEEDED when the quota is used up; drafts still work', async () => {
		emu.setEInvoiceQuota(0);
		try {
			expect((await get('/usage')).json.data.quota_remaining).toBe('0');
			const res = await post('/invoices/create', invoiceBody({ is_draft: false }));
			expect(res.status).toBe(403);
			expect(res.json.error.code).toBe('QUOTA_EXCEEDED');
			const draft = invoiceBody();
			const created = await post('/invoices/create', draft);
			await poll(`/invoices/create/check/${created.json.data.tracking_code}`);
			const issue = await post('/invoices/issue', { reference_code: draft.reference_code });
			expect(issue.status).toBe(403);
		} finally {
			emu.setEInvoiceQuota(50);
		}
	});

	it('404 for unknown tracking codes and drafts', async () => {
		expect((await get('/invoices/create/check/nope')).status).toBe(404);
		expect((await get('/invoices/issue/check/nope')).status).toBe(404);
		expect((await post('/invoices/issue', { reference_code: 'nope' })).status).toBe(404);
		expect((await post('/invoices/issue', {})).status).toBe(400);
		expect((await get('/invoices/nope')).status).toBe(404);
	});
});
