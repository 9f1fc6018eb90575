/**
 * SePay's fields are loosely typed: amounts arrive as 2277000, "18067000.00", "" or null, texts as
 * "" or null. These readers accept all of that and never invent a value.
 */
export function looseNumber(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const trimmed = value.trim().replace(/,/g, '');
	if (trimmed === '') return null;
	const parsed = Number(trimmed);
	return Number.isFinite(parsed) ? parsed : null;
}

export function looseText(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const text = String(value).trim();
	return text === '' ? null : text;
}
