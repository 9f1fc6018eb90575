/**
 * The expiry of a JWT-shaped token, read from its `exp` claim without verifying the signature:
 * informational only. SePay's credential does not store `expires_in`, so a token that is not a
 * JWT (or has no numeric `exp`) yields undefined rather than a guess.
 */
export function jwtExpiry(token: string): Date | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
			exp?: unknown;
		};
		const exp = claims?.exp;
		if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= 0) return undefined;
		return new Date(exp * 1000);
	} catch {
		return undefined;
	}
}
