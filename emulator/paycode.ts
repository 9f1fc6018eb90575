/** Payment-code recognition (§6.6): the company's code formats decide what counts as a `code`. */

export interface PaymentCodeFormat {
	prefix: string;
	suffix_from: number;
	suffix_to: number;
	character_type: 'NumberOnly' | 'NumberAndLetter';
	is_active: boolean;
}

export const DEFAULT_CODE_FORMATS: PaymentCodeFormat[] = [
	{ prefix: 'DH', suffix_from: 6, suffix_to: 8, character_type: 'NumberOnly', is_active: true },
	{
		prefix: 'HD',
		suffix_from: 4,
		suffix_to: 6,
		character_type: 'NumberAndLetter',
		is_active: true,
	},
];

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** First code found in the memo, or null. Prefixes are upper-case; suffixes are matched case-sensitively. */
export function recognizeCode(content: string, formats: PaymentCodeFormat[]): string | null {
	for (const f of formats) {
		if (!f.is_active) continue;
		const chars = f.character_type === 'NumberOnly' ? '[0-9]' : '[0-9A-Z]';
		const re = new RegExp(
			`(?:^|[^0-9A-Za-z])(${escapeRegex(f.prefix)}${chars}{${f.suffix_from},${f.suffix_to}})(?![0-9A-Za-z])`,
		);
		const m = re.exec(content);
		if (m) return m[1];
	}
	return null;
}
