/**
 * Removes secrets from text that may reach an error message, an output item or a log:
 * Authorization schemes with their values, and any literal secret we know of.
 */
export function redact(text: string, secrets: unknown[] = []): string {
	let result = text.replace(
		/\b(Bearer|Basic|Apikey)\s+(?!(?:Bearer|Basic|Apikey)\b)[A-Za-z0-9._~+/=-]+/gi,
		'$1 [redacted]',
	);
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= 4)
			result = result.split(secret).join('[redacted]');
	}
	return result;
}
