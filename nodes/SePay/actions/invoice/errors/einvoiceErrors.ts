import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

/** SePay's error code of a failed call (the transport keeps it on the NodeApiError). */
export function sepayCodeOf(error: unknown): string | undefined {
	const response = (error as { errorResponse?: { code?: unknown } })?.errorResponse;
	if (typeof response?.code === 'string' && response.code) return response.code;
	const message = String((error as Error)?.message ?? '');
	return /:\s*([A-Z][A-Z0-9_]{3,})\s*$/.exec(message)?.[1];
}

export function httpStatusOf(error: unknown): number | undefined {
	const code = Number((error as { httpCode?: unknown })?.httpCode);
	return Number.isInteger(code) && code >= 100 ? code : undefined;
}

/** What the eInvoice codes mean for the user, in English (SePay's own messages are Vietnamese). */
const EXPLAINED: Record<string, { message: string; advice: string }> = {
	REGISTRATION_NOT_TAX_APPROVED: {
		message: 'The provider account is not yet approved by the tax authority for e-invoices',
		advice:
			'Finish the e-invoice registration with the provider and wait for the tax authority’s approval; Provider Account → Get shows tax_authority_approved_date once it is known. Drafts can still be created.',
	},
	INVOICE_DATE_BEFORE_TAX_APPROVAL: {
		message: 'The invoice date is before the tax authority approved the provider account',
		advice:
			'Set Issued Date on or after the approval date shown as tax_authority_approved_date by Provider Account → Get (leave it empty for now).',
	},
	QUOTA_EXCEEDED: {
		message: 'The e-invoice quota is used up',
		advice: 'Top up the SePay eInvoice plan. Usage → Get shows the remaining quota; drafts use none.',
	},
	QUOTA_HAS_BEEN_USERD_UP: {
		message: 'The e-invoice quota is used up',
		advice: 'Top up the SePay eInvoice plan. Usage → Get shows the remaining quota; drafts use none.',
	},
	EINVOICE_DOCUMENT_EXISTED: {
		message: 'An invoice with this reference code already exists',
		advice:
			'The invoice was created before (for example by an earlier run). Turn on Options → Return Existing on Duplicate to output it, or fetch it with Invoice → Get.',
	},
};

/**
 * Rewrites an eInvoice API error whose code has a known meaning into an English message with
 * what to do, keeping the HTTP status and SePay's code; any other error is returned unchanged.
 */
export function explainEInvoiceError(error: unknown, itemIndex: number): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const code = sepayCodeOf(error);
	const explained = code ? EXPLAINED[code] : undefined;
	if (!explained) return error;
	const sepaySaid = (error.errorResponse as { sepayMessage?: unknown } | undefined)?.sepayMessage;
	const said = typeof sepaySaid === 'string' && sepaySaid ? ` SePay said: ${sepaySaid}.` : '';
	const message = `${explained.message} (${code})`;
	return new NodeApiError(error.node, { message, code } as JsonObject, {
		message,
		description: `${explained.advice}${said}`,
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}
