/**
 * SePay eInvoice API under /v1 (sepay-einvoice-api.md): Basic-auth token, provider accounts,
 * usage, asynchronous create/issue jobs with check endpoints, list, detail, delete draft and
 * download. Envelope `{success:true,data}` / `{success:false,error:{code,message}}`.
 */
import type { Ctx } from './context';
import { invoicePdf, invoiceXml } from './einvoiceFiles';
import type { Invoice, Job } from './einvoiceState';
import { approvalProblem, checkCreateBody } from './einvoiceValidate';
import {
	asRecord,
	basicCredentials,
	bearerToken,
	json,
	type EmuRequest,
	type EmuResponse,
	type Router,
} from './http';
import { positiveInt } from './paging';

function fail(
	status: number,
	code: string,
	message: string,
	extra: Record<string, unknown> = {},
): EmuResponse {
	return json(status, { success: false, error: { code, message, ...extra } });
}

function ok(data: unknown, status = 200): EmuResponse {
	return json(status, { success: true, data });
}

function guard(ctx: Ctx, req: EmuRequest): EmuResponse | null {
	const check = ctx.tokens.check(bearerToken(req.headers), 'einvoice');
	if (check.ok) return null;
	const message =
		check.reason === 'expired'
			? 'Access token đã hết hạn'
			: check.reason === 'missing'
				? 'Thiếu access token'
				: 'Access token không hợp lệ';
	return fail(401, 'UNAUTHORIZED', message);
}

function pageOf(
	req: EmuRequest,
	defaultPerPage: number,
): { page: number; perPage: number } | EmuResponse {
	const page = positiveInt(req.query.page);
	const perPage = positiveInt(req.query.per_page);
	if (Number.isNaN(page)) return fail(400, 'BAD_REQUEST', 'Trường page phải là số nguyên dương');
	if (Number.isNaN(perPage) || (perPage ?? 0) > 100)
		return fail(400, 'BAD_REQUEST', 'Trường per_page phải là số nguyên từ 1 đến 100');
	return { page: page ?? 1, perPage: perPage ?? defaultPerPage };
}

function paged<T>(
	items: T[],
	p: { page: number; perPage: number },
): { paging: Record<string, unknown>; items: T[] } {
	const pageCount = Math.max(1, Math.ceil(items.length / p.perPage));
	return {
		paging: {
			per_page: p.perPage,
			total: items.length,
			has_more: p.page < pageCount,
			current_page: p.page,
			page_count: pageCount,
		},
		items: items.slice((p.page - 1) * p.perPage, p.page * p.perPage),
	};
}

function portalUrl(ctx: Ctx, invoice: Invoice, type: 'pdf' | 'xml'): string {
	return `${ctx.baseUrl()}/einvoice-portal/${encodeURIComponent(invoice.reference_code)}.${type}`;
}

function summary(ctx: Ctx, invoice: Invoice): Record<string, unknown> {
	return {
		reference_code: invoice.reference_code,
		invoice_number: invoice.invoice_number,
		issued_date: invoice.issued_date.slice(0, 10),
		pdf_url: portalUrl(ctx, invoice, 'pdf'),
		xml_url: invoice.status === 'issued' ? portalUrl(ctx, invoice, 'xml') : null,
		status: invoice.status,
		buyer: invoice.buyer,
		total_before_tax: invoice.total_before_tax,
		tax_amount: invoice.tax_amount,
		total_amount: invoice.total_amount,
		notes: invoice.notes,
		source: invoice.source,
	};
}

const dec = (n: number) => n.toFixed(2);

/** Detail view: line numbers are decimal strings, as in SePay's example. */
function detail(ctx: Ctx, invoice: Invoice): Record<string, unknown> {
	return {
		...summary(ctx, invoice),
		issued_date: invoice.issued_date,
		invoice_series: invoice.invoice_series,
		template_code: invoice.template_code,
		document_type: invoice.document_type,
		tax_authority_code: invoice.tax_authority_code,
		provider_status: invoice.provider_status,
		payment_method: invoice.payment_method,
		currency: invoice.currency,
		provider_account_id: invoice.provider_account_id,
		items: invoice.items.map((i) => ({
			line_number: i.line_number,
			line_type: i.line_type,
			item_code: i.item_code,
			item_name: i.item_name,
			unit: i.unit,
			quantity: dec(i.quantity),
			unit_price: dec(i.unit_price),
			total_amount: dec(i.total_amount),
			tax_rate: i.tax_rate === null ? null : dec(i.tax_rate),
			tax_amount: dec(i.tax_amount),
		})),
	};
}

function startJob(
	ctx: Ctx,
	kind: Job['kind'],
	reference: string,
	pending: Invoice | null,
	issues: boolean,
	trackingCode: string,
): Job {
	const einvoice = ctx.state.einvoice;
	const reason = einvoice.failNext.shift();
	const job: Job = {
		tracking_code: trackingCode,
		kind,
		reference_code: reference,
		readyAt: Date.now() + ctx.options.einvoiceJobDelayMs,
		outcome: reason === undefined ? 'Success' : 'Failed',
		failReason: reason ?? null,
		applied: false,
		pending,
		issues,
	};
	einvoice.jobs.set(trackingCode, job);
	return job;
}

function checkJob(ctx: Ctx, req: EmuRequest, kind: Job['kind']): EmuResponse {
	const einvoice = ctx.state.einvoice;
	const job = einvoice.jobs.get(req.params.code);
	if (!job || job.kind !== kind)
		return fail(404, 'NOT_FOUND', 'Không tìm thấy yêu cầu với tracking_code này');
	if (!job.applied) {
		return ok({
			reference_code: job.reference_code,
			status: 'Pending',
			message:
				kind === 'create'
					? 'Đang xử lý yêu cầu xuất hóa đơn'
					: 'Đang xử lý yêu cầu phát hành hóa đơn',
		});
	}
	if (job.outcome === 'Failed')
		return ok({ reference_code: job.reference_code, status: 'Failed', message: job.failReason });
	const invoice = einvoice.invoices.get(job.reference_code);
	const message =
		kind === 'issue'
			? 'Xuất bán hóa đơn điện tử thành công'
			: invoice?.status === 'draft'
				? 'Tạo hóa đơn nháp thành công'
				: 'Xuất hóa đơn điện tử thành công';
	return ok({
		reference_code: job.reference_code,
		status: 'Success',
		message,
		invoice: invoice ? summary(ctx, invoice) : null,
	});
}

function findForDownload(ctx: Ctx, code: string): Invoice | undefined {
	const einvoice = ctx.state.einvoice;
	// The path is named tracking_code, but examples use the reference code: accept both (UNCONFIRMED).
	const byRef = einvoice.invoices.get(code);
	if (byRef) return byRef;
	const job = einvoice.jobs.get(code);
	return job ? einvoice.invoices.get(job.reference_code) : undefined;
}

function fileName(invoice: Invoice, type: 'pdf' | 'xml'): string {
	return `HD_${invoice.invoice_number.padStart(7, '0')}_${invoice.issued_date.slice(0, 10).replace(/-/g, '')}.${type}`;
}

export function registerEInvoice(router: Router, ctx: Ctx): void {
	const route = (method: string, path: string, handler: (req: EmuRequest) => EmuResponse) =>
		router.add(method, `/v1${path}`, (req) => {
			const denied = guard(ctx, req);
			if (denied) return denied;
			ctx.state.einvoice.settle();
			return handler(req);
		});

	router.add('POST', '/v1/token', (req) => {
		const basic = basicCredentials(req.headers);
		if (!basic)
			return fail(
				400,
				'BAD_REQUEST',
				'Thiếu hoặc sai định dạng thông tin xác thực (HTTP Basic client_id:client_secret)',
			);
		if (
			basic.user !== ctx.secrets.einvoiceClientId ||
			basic.pass !== ctx.secrets.einvoiceClientSecret
		) {
			return fail(401, 'UNAUTHORIZED', 'client_id hoặc client_secret không đúng');
		}
		return ok(ctx.tokens.issueEInvoice(basic.user, ctx.options.einvoiceTokenTtlSeconds));
	});

	route('GET', '/provider-accounts', (req) => {
		const p = pageOf(req, 20);
		if ('status' in p) return p;
		const items = ctx.state.einvoice.providerAccounts.map((a) => ({
			id: a.id,
			provider: a.provider,
			active: a.active,
			tax_authority_approved_date: a.tax_authority_approved_date,
		}));
		return ok(paged(items, p));
	});
	route('GET', '/provider-accounts/:id', (req) => {
		const account = ctx.state.einvoice.findAccount(req.params.id);
		return account
			? ok(account)
			: fail(404, 'NOT_FOUND', 'Không tìm thấy tài khoản nhà cung cấp hóa đơn');
	});
	route('GET', '/usage', () => ok({ quota_remaining: String(ctx.state.einvoice.quotaRemaining) }));

	route('POST', '/invoices/create', (req) => {
		const input = asRecord(req.body);
		if (!input) return fail(400, 'BAD_REQUEST', 'Body phải là JSON object');
		const einvoice = ctx.state.einvoice;
		const checked = checkCreateBody(input, einvoice);
		if (!checked.ok)
			return fail(
				checked.status,
				checked.code,
				checked.message,
				checked.errors ? { errors: checked.errors } : {},
			);
		const invoice = checked.invoice;
		if (einvoice.referenceTaken(invoice.reference_code)) {
			return fail(409, 'EINVOICE_DOCUMENT_EXISTED', 'Hóa đơn với reference_code này đã tồn tại');
		}
		if (!checked.isDraft) {
			const problem = approvalProblem(checked.account, invoice.issued_date);
			if (problem) return fail(422, problem.code, problem.message);
			if (einvoice.quotaAvailable() <= 0)
				return fail(
					403,
					'QUOTA_EXCEEDED',
					'Đã hết hạn ngạch phát hành hóa đơn, vui lòng nâng cấp gói',
				);
		}
		// An auto-generated reference doubles as the tracking code (as in SePay's examples);
		// with a caller-chosen reference the two differ, so clients must keep both.
		const tracking = input.reference_code ? einvoice.newUuid() : invoice.reference_code;
		invoice.tracking_codes.push(tracking);
		startJob(ctx, 'create', invoice.reference_code, invoice, !checked.isDraft, tracking);
		return ok({
			tracking_code: tracking,
			tracking_url: `${ctx.baseUrl()}/v1/invoices/create/check/${tracking}`,
			message: 'Đã tạo yêu cầu xuất bán hóa đơn điện tử',
		});
	});
	route('GET', '/invoices/create/check/:code', (req) => checkJob(ctx, req, 'create'));

	route('POST', '/invoices/issue', (req) => {
		const input = asRecord(req.body) ?? {};
		const reference = input.reference_code;
		if (typeof reference !== 'string' || !reference)
			return fail(400, 'BAD_REQUEST', 'Trường reference_code là bắt buộc');
		const einvoice = ctx.state.einvoice;
		const invoice = einvoice.invoices.get(reference);
		if (!invoice)
			return fail(404, 'NOT_FOUND', 'Không tìm thấy hóa đơn nháp với reference_code này');
		if (invoice.status !== 'draft')
			return fail(400, 'BAD_REQUEST', 'Chỉ có thể phát hành hóa đơn nháp');
		if (
			[...einvoice.jobs.values()].some(
				(j) => j.kind === 'issue' && j.reference_code === reference && !j.applied,
			)
		) {
			return fail(400, 'BAD_REQUEST', 'Hóa đơn đang được phát hành');
		}
		const account = einvoice.findAccount(invoice.provider_account_id);
		const problem = account ? approvalProblem(account, invoice.issued_date) : null;
		if (problem) return fail(422, problem.code, problem.message);
		if (einvoice.quotaAvailable() <= 0)
			return fail(
				403,
				'QUOTA_EXCEEDED',
				'Đã hết hạn ngạch phát hành hóa đơn, vui lòng nâng cấp gói',
			);
		const tracking = einvoice.newUuid();
		invoice.tracking_codes.push(tracking);
		startJob(ctx, 'issue', reference, null, true, tracking);
		return ok({
			tracking_code: tracking,
			tracking_url: `${ctx.baseUrl()}/v1/invoices/issue/check/${tracking}`,
			message: 'Đã tạo yêu cầu phát hành hóa đơn điện tử',
		});
	});
	route('GET', '/invoices/issue/check/:code', (req) => checkJob(ctx, req, 'issue'));

	route('GET', '/invoices', (req) => {
		const p = pageOf(req, 10);
		if ('status' in p) return p;
		const source = req.query.source;
		if (source !== undefined && source !== '' && source !== 'manual' && source !== 'api')
			return fail(400, 'BAD_REQUEST', 'Trường source phải là manual hoặc api');
		const items = [...ctx.state.einvoice.invoices.values()]
			.filter((i) => !source || i.source === source)
			.sort((a, b) => b.createdSeq - a.createdSeq)
			.map((i) => summary(ctx, i));
		return ok(paged(items, p));
	});
	route('GET', '/invoices/:ref', (req) => {
		const invoice = ctx.state.einvoice.invoices.get(req.params.ref);
		return invoice ? ok(detail(ctx, invoice)) : fail(404, 'NOT_FOUND', 'Không tìm thấy hóa đơn');
	});
	const deleteDraft = (req: EmuRequest) => {
		const einvoice = ctx.state.einvoice;
		const invoice = einvoice.invoices.get(req.params.ref);
		if (!invoice) return fail(404, 'NOT_FOUND', 'Không tìm thấy hóa đơn');
		if (invoice.status !== 'draft') return fail(400, 'BAD_REQUEST', 'Chỉ có thể xóa hóa đơn nháp');
		einvoice.invoices.delete(invoice.reference_code);
		return ok({
			reference_code: invoice.reference_code,
			message: 'Hóa đơn nháp đã được xóa thành công',
		});
	};
	route('POST', '/invoices/delete/:ref', deleteDraft);
	// The changelog calls it a DELETE endpoint; the API page uses POST. Both are accepted.
	route('DELETE', '/invoices/delete/:ref', deleteDraft);
	route('GET', '/invoices/:code/download', (req) => {
		const type = req.query.type;
		if (type !== 'pdf' && type !== 'xml')
			return fail(400, 'BAD_REQUEST', 'Trường type phải là pdf hoặc xml');
		const invoice = findForDownload(ctx, req.params.code);
		if (!invoice) return fail(404, 'NOT_FOUND', 'Không tìm thấy hóa đơn');
		const content = (type === 'pdf' ? invoicePdf(invoice) : invoiceXml(invoice)).toString('base64');
		// Docs show `file_type`; `type` is sent too for clients that read that name.
		return ok({ file_type: type, type, file_name: fileName(invoice, type), content });
	});

	// Provider-portal stand-in for pdf_url / xml_url (no bearer token, like the provider links).
	router.add('GET', '/einvoice-portal/:file', (req) => {
		const m = /^(.+)\.(pdf|xml)$/.exec(req.params.file);
		const invoice = m ? ctx.state.einvoice.invoices.get(m[1]) : undefined;
		if (!m || !invoice) return { status: 404, body: 'Not found' };
		const pdf = m[2] === 'pdf';
		return {
			status: 200,
			headers: { 'Content-Type': pdf ? 'application/pdf' : 'application/xml' },
			body: pdf ? invoicePdf(invoice) : invoiceXml(invoice),
		};
	});
}
