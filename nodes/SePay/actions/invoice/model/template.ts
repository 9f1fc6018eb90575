import type { FieldRef } from '../../../helpers/invalidInput';
import { invalidInput } from '../../../helpers/invalidInput';

/** The Template option value: both halves SePay needs, in one string. */
export function templateValue(templateCode: string, invoiceSeries: string): string {
	return `${templateCode}|${invoiceSeries}`;
}

/** `1|C26TAT` → template code "1", invoice series "C26TAT". */
export function parseTemplate(
	raw: unknown,
	ref: FieldRef,
): { template_code: string; invoice_series: string } {
	const text = typeof raw === 'string' ? raw.trim() : '';
	const bar = text.indexOf('|');
	const code = bar > 0 ? text.slice(0, bar).trim() : '';
	const series = bar > 0 ? text.slice(bar + 1).trim() : '';
	if (!code || !series) {
		throw invalidInput(
			ref,
			'a template from the list, or "<template code>|<invoice series>" such as 1|C26TAT (Provider Account → Get lists them)',
			raw,
		);
	}
	return { template_code: code, invoice_series: series };
}
