import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { templateValue } from '../actions/invoice/model/template';
import { einvoiceApiRequest } from '../transport';

/**
 * Templates of the chosen provider account (GET /v1/provider-accounts/{id} → templates[]).
 * The value carries both halves SePay needs: `<template_code>|<invoice_series>`.
 */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accountId = String(this.getCurrentNodeParameter('providerAccountId') ?? '').trim();
	// Nothing chosen yet, or an expression only known at run time.
	if (!accountId || accountId.startsWith('=')) return [];
	const body = await einvoiceApiRequest.call(this, {
		method: 'GET',
		path: `/provider-accounts/${encodeURIComponent(accountId)}`,
	});
	const templates = (((body.data ?? {}) as IDataObject).templates ?? []) as IDataObject[];
	return (Array.isArray(templates) ? templates : [])
		.filter((template) => template.template_code !== undefined && template.invoice_series)
		.map((template) => {
			const code = String(template.template_code);
			const series = String(template.invoice_series);
			return {
				name: String(template.invoice_label ?? '').trim() || `${code} - ${series}`,
				value: templateValue(code, series),
				description: `Template ${code}, series ${series}`,
			};
		});
}
