/** The self-submitting HTML page that sends the customer's browser to SePay's checkout with the signed form. */

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Posts the fields in the given order (SePay checks the signature over the posted order). Works
 * inside n8n's webhook HTML sandbox (its CSP allows forms and scripts); without JavaScript the
 * customer presses the button.
 */
export function checkoutPage(
	action: string,
	fields: ReadonlyArray<readonly [string, string]>,
): string {
	const inputs = fields
		.map(
			([name, value]) =>
				`<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
		)
		.join('\n');
	return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chuyển đến cổng thanh toán SePay</title>
</head>
<body>
<form id="sepay-checkout" action="${escapeHtml(action)}" method="POST" accept-charset="UTF-8">
${inputs}
<p>Đang chuyển đến cổng thanh toán SePay… / Redirecting to SePay checkout…</p>
<button type="submit">Thanh toán / Pay</button>
</form>
<script>document.getElementById('sepay-checkout').submit();</script>
</body>
</html>
`;
}
