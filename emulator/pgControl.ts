/** Control API of the Payment Gateway part (`/_control/payment-gateway/...`), see README.md. */
import type { Ctx } from './context';
import { asRecord, json, type EmuResponse, type Router } from './http';
import { resendIpn } from './pgIpn';
import { asPgError, payOrder } from './pgPayment';

function fail(status: number, message: string): EmuResponse {
	return json(status, { error: 'bad_request', message });
}

export function registerPgControl(router: Router, ctx: Ctx): void {
	const base = '/_control/payment-gateway';
	const pg = () => ctx.state.paymentGateway;
	router.add('GET', `${base}/ipn`, () => json(200, { data: pg().ipn }));
	router.add('PUT', `${base}/ipn`, (req) => {
		const body = asRecord(req.body) ?? {};
		const url = body.url === null ? null : String(body.url ?? '');
		if (url !== null && !/^https?:\/\//.test(url))
			return fail(400, 'url must be an http(s) URL or null');
		const authType = body.authType === 'NONE' ? 'NONE' : 'SECRET_KEY';
		pg().ipn = { url, authType };
		return json(200, { data: pg().ipn });
	});
	router.add('GET', `${base}/orders`, () => json(200, { data: [...pg().orders.values()] }));
	router.add('POST', `${base}/orders/:invoice/pay`, (req) => {
		const order = pg().orders.get(req.params.invoice);
		if (!order) return fail(404, `No checkout order ${req.params.invoice}`);
		const body = asRecord(req.body) ?? {};
		try {
			const { ipn } = payOrder(ctx, order, {
				paymentMethod: body.paymentMethod as string | undefined,
				transactionDate: body.transactionDate as string | undefined,
			});
			return json(200, { data: order, ipnDeliveryId: ipn?.id ?? null });
		} catch (e) {
			const failure = asPgError(e);
			return fail(failure.status, failure.message);
		}
	});
	router.add('GET', `${base}/ipn-deliveries`, () => json(200, { data: pg().ipnDeliveries }));
	router.add('POST', `${base}/ipn-deliveries/:id/resend`, (req) => {
		try {
			return json(200, { data: resendIpn(ctx, Number(req.params.id)) });
		} catch (e) {
			return fail(404, (e as Error).message);
		}
	});
}
