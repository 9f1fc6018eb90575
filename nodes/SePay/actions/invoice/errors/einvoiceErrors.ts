import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { failureOf } from '../../../transport';

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
		advice:
			'Top up the SePay eInvoice plan. Usage → Get shows the remaining quota; drafts use none.',
	},
	QUOTA_HAS_BEEN_USERD_UP: {
		message: 'The e-invoice quota is used up',
		advice:
			'Top up the SePay eInvoice plan. Usage → Get shows the remaining quota; drafts use none.',
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
	const { code, sepayMessage } = failureOf(error);
	const explained = code ? EXPLAINED[code] : undefined;
	if (!explained) return error;
	const said = sepayMessage ? ` SePay said: ${sepayMessage}.` : '';
	const message = `${explained.message} (${code})`;
	return new NodeApiError(error.node, { message, code } as JsonObject, {
		message,
		description: `${explained.advice}${said}`,
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}
