/**
 * eInvoice data: provider accounts with templates, invoices keyed by reference_code and the
 * asynchronous jobs (create / issue). Jobs are settled lazily: a job whose delay has passed is
 * applied the next time anything reads eInvoice state, so no timers are needed.
 */
import { deriveUuid } from './prng';
import { formatVnTime } from './time';

export interface Template {
	template_code: string;
	invoice_series: string;
	invoice_label: string;
}

export interface ProviderAccount {
	id: string;
	provider: string;
	active: boolean;
	tax_authority_approved_date: string | null;
	templates: Template[];
}

export interface InvoiceItem {
	line_number: number;
	line_type: number;
	item_code: string | null;
	item_name: string;
	unit: string | null;
	quantity: number;
	unit_price: number;
	total_amount: number;
	tax_rate: number | null;
	tax_amount: number;
	discount_tax?: number;
	discount_amount?: number;
	before_discount_and_tax_amount?: number;
}

export interface Buyer {
	type?: string;
	name?: string;
	legal_name?: string;
	tax_code?: string;
	address?: string;
	email?: string;
	phone?: string;
	buyer_code?: string;
	national_id?: string;
}

export interface Invoice {
	reference_code: string;
	provider_account_id: string;
	template_code: string;
	invoice_series: string;
	invoice_number: string;
	issued_date: string;
	currency: string;
	payment_method: string | null;
	status: 'draft' | 'issued' | 'cancelled';
	document_type: number;
	provider_status: string;
	tax_authority_code: string | null;
	buyer: Buyer;
	items: InvoiceItem[];
	notes: string | null;
	source: 'api' | 'manual';
	total_before_tax: number;
	tax_amount: number;
	total_amount: number;
	/** Tracking codes that lead to this invoice (create job, issue jobs): download accepts them. */
	tracking_codes: string[];
	createdSeq: number;
}

export interface Job {
	tracking_code: string;
	kind: 'create' | 'issue';
	reference_code: string;
	readyAt: number;
	outcome: 'Success' | 'Failed';
	failReason: string | null;
	applied: boolean;
	/** Invoice to store when a create job succeeds. */
	pending: Invoice | null;
	/** Issue now (create with is_draft=false, or an issue job). */
	issues: boolean;
}

export class EInvoiceState {
	providerAccounts: ProviderAccount[];
	invoices = new Map<string, Invoice>();
	jobs = new Map<string, Job>();
	quotaRemaining: number;
	/** Reasons for the next jobs that must fail (control API). */
	failNext: string[] = [];
	private invoiceNumbers = new Map<string, number>();
	private seq = 0;
	private uuidCounter = 0;

	constructor(
		private readonly seed: number,
		quota: number,
	) {
		this.quotaRemaining = quota;
		this.providerAccounts = [
			{
				id: deriveUuid(seed, 'provider-account', 0),
				provider: 'matbao',
				active: true,
				tax_authority_approved_date: '2026-04-20',
				templates: [
					{
						template_code: '1',
						invoice_series: 'C26TAT',
						invoice_label: '1 - C26TAT - Hóa đơn giá trị gia tăng',
					},
					{
						template_code: '2',
						invoice_series: 'C26TMB',
						invoice_label: '2 - C26TMB - Hóa đơn bán hàng',
					},
				],
			},
			{
				id: deriveUuid(seed, 'provider-account', 1),
				provider: 'bkav',
				active: true,
				tax_authority_approved_date: null,
				templates: [
					{
						template_code: '1',
						invoice_series: 'C26TBK',
						invoice_label: '1 - C26TBK - Hóa đơn giá trị gia tăng',
					},
				],
			},
			{
				id: deriveUuid(seed, 'provider-account', 2),
				provider: 'matbao',
				active: false,
				tax_authority_approved_date: '2025-01-15',
				templates: [
					{
						template_code: '2',
						invoice_series: 'C25TMB',
						invoice_label: '2 - C25TMB - Hóa đơn bán hàng',
					},
				],
			},
		];
		this.seedInvoices();
	}

	newUuid(): string {
		return deriveUuid(this.seed, 'einvoice', this.uuidCounter++);
	}

	nextNumber(providerAccountId: string): string {
		const n = (this.invoiceNumbers.get(providerAccountId) ?? 0) + 1;
		this.invoiceNumbers.set(providerAccountId, n);
		return String(n);
	}

	store(invoice: Invoice): void {
		invoice.createdSeq = this.seq++;
		this.invoices.set(invoice.reference_code, invoice);
	}

	findAccount(id: string): ProviderAccount | undefined {
		return this.providerAccounts.find((a) => a.id === id);
	}

	/** Taken by an existing invoice or a running create job (failed or deleted ones free it). */
	referenceTaken(reference: string): boolean {
		if (this.invoices.has(reference)) return true;
		for (const job of this.jobs.values()) {
			if (job.kind === 'create' && job.reference_code === reference && !job.applied) return true;
		}
		return false;
	}

	/** Issuances already promised to running jobs count against the quota. */
	quotaAvailable(): number {
		let reserved = 0;
		for (const job of this.jobs.values())
			if (!job.applied && job.issues && job.outcome === 'Success') reserved++;
		return this.quotaRemaining - reserved;
	}

	settle(now = Date.now()): void {
		for (const job of this.jobs.values()) {
			if (job.applied || now < job.readyAt) continue;
			job.applied = true;
			if (job.outcome === 'Failed') continue;
			if (job.kind === 'create' && job.pending) {
				if (job.issues) this.issue(job.pending);
				this.store(job.pending);
			} else if (job.kind === 'issue') {
				const invoice = this.invoices.get(job.reference_code);
				if (invoice && invoice.status === 'draft') this.issue(invoice);
			}
		}
	}

	private issue(invoice: Invoice): void {
		invoice.status = 'issued';
		invoice.document_type = 2;
		invoice.provider_status = '4';
		invoice.invoice_number = this.nextNumber(invoice.provider_account_id);
		invoice.tax_authority_code = `M1-${invoice.issued_date.slice(2, 4)}-${this.newUuid().slice(0, 5).toUpperCase()}-${invoice.invoice_number.padStart(11, '0')}`;
		this.quotaRemaining = Math.max(0, this.quotaRemaining - 1);
	}

	private seedInvoices(): void {
		const account = this.providerAccounts[0];
		const buyers: Buyer[] = [
			{
				type: 'company',
				name: 'Công ty TNHH ABC',
				legal_name: 'Công ty TNHH ABC',
				tax_code: '0101234567',
				address: '12 Láng Hạ, Đống Đa, Hà Nội',
				email: 'ketoan@abc.example',
			},
			{
				type: 'personal',
				name: 'Trần Thị Bích',
				address: '45 Lê Lợi, Quận 1, TP. Hồ Chí Minh',
				email: 'bich@example.com',
			},
			{
				type: 'company',
				name: 'Công ty CP XYZ',
				legal_name: 'Công ty Cổ phần XYZ',
				tax_code: '0312345678',
				address: '8 Trần Phú, Hải Châu, Đà Nẵng',
			},
		];
		buyers.forEach((buyer, i) => {
			const price = [4_500_000, 1_200_000, 800_000][i];
			const issued = formatVnTime(Date.UTC(2026, 5 + i, 10, 2, 0, 0));
			const reference = this.newUuid();
			const invoice: Invoice = {
				reference_code: reference,
				provider_account_id: account.id,
				template_code: '1',
				invoice_series: 'C26TAT',
				invoice_number: '0',
				issued_date: issued,
				currency: 'VND',
				payment_method: 'CK',
				status: 'draft',
				document_type: 1,
				provider_status: '1',
				tax_authority_code: null,
				buyer,
				items: [
					{
						line_number: 1,
						line_type: 1,
						item_code: `SP00${i + 1}`,
						item_name: ['Máy lọc nước', 'Dịch vụ bảo trì', 'Phần mềm kế toán'][i],
						unit: ['cái', 'Giờ', 'gói'][i],
						quantity: 1,
						unit_price: price,
						total_amount: price,
						tax_rate: 10,
						tax_amount: price / 10,
					},
				],
				notes: null,
				source: 'manual',
				total_before_tax: price,
				tax_amount: price / 10,
				total_amount: price + price / 10,
				tracking_codes: [reference],
				createdSeq: 0,
			};
			this.issue(invoice);
			this.store(invoice);
		});
		// Seeded invoices are history: they do not use the configured quota.
		this.quotaRemaining += buyers.length;
	}
}
