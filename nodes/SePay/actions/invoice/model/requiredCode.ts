import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../helpers/invalidInput';

const LABELS: Record<string, string> = {
	referenceCode: 'Reference Code',
	trackingCode: 'Tracking Code',
};

/** A reference or tracking code parameter: non-empty and safe as one URL path segment. */
export function requiredCode(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const code = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!code || /[\s/?#\\]/.test(code)) {
		throw invalidInput(
			{ node: context.getNode(), itemIndex, field: LABELS[name] ?? name },
			'a code such as 084e179d-d95a-11f0-aef4-52c7e9b4f41b, without spaces or slashes',
			raw,
		);
	}
	return code;
}
