import { MAX_BODY_BYTES, parseDelivery } from '../../../../nodes/SePay/trigger/body';

const PAYLOAD = {
	id: 92704,
	gateway: 'Vietcombank',
	transactionDate: '2023-03-25 14:02:37',
	accountNumber: '0123499999',
	subAccount: null,
	code: null,
	content: 'chuyen tien mua iphone',
	transferType: 'in',
	description: 'NGUYEN VAN A chuyen tien mua iphone',
	transferAmount: 2277000,
	accumulated: 19077000,
	referenceCode: 'MBVCB.3278907687',
};

const raw = (text: string) => Buffer.from(text, 'utf8');

describe('parseDelivery', () => {
	it('reads SePay JSON as is', () => {
		const parsed = parseDelivery(raw(JSON.stringify(PAYLOAD)), 'application/json', {});
		expect(parsed).toEqual({ ok: true, payload: PAYLOAD });
	});

	it('reads JSON without a content type', () => {
		expect(parseDelivery(raw(JSON.stringify(PAYLOAD)), '', undefined).ok).toBe(true);
	});

	it('reads form-encoded deliveries with numbers and nulls restored', () => {
		const form = new URLSearchParams();
		for (const [key, value] of Object.entries(PAYLOAD))
			form.append(key, value === null ? '' : String(value));
		const parsed = parseDelivery(
			raw(form.toString()),
			'application/x-www-form-urlencoded; charset=utf-8',
			{},
		);
		expect(parsed).toEqual({ ok: true, payload: PAYLOAD });
	});

	it('reads multipart deliveries from the fields n8n parsed', () => {
		const fields = Object.fromEntries(
			Object.entries(PAYLOAD).map(([k, v]) => [k, v === null ? '' : String(v)]),
		);
		const parsed = parseDelivery(raw(''), 'multipart/form-data; boundary=x', { data: fields });
		expect(parsed).toEqual({ ok: true, payload: PAYLOAD });
		expect(parseDelivery(raw(''), 'multipart/form-data; boundary=x', fields)).toEqual({
			ok: true,
			payload: PAYLOAD,
		});
	});

	it('keeps unicode content intact', () => {
		const body = JSON.stringify({ ...PAYLOAD, content: 'Thanh toán đơn hàng DH123' });
		const parsed = parseDelivery(raw(body), 'application/json', {});
		expect(parsed.ok && parsed.payload.content).toBe('Thanh toán đơn hàng DH123');
	});

	it.each([
		['empty body', ''],
		['not JSON', 'hello'],
		['truncated JSON', JSON.stringify(PAYLOAD).slice(0, 40)],
		['a JSON array', JSON.stringify([PAYLOAD])],
		['a JSON string', '"x"'],
		['null', 'null'],
		['no id', JSON.stringify({ ...PAYLOAD, id: undefined })],
		['object id', JSON.stringify({ ...PAYLOAD, id: { $gt: 1 } })],
		['negative id', JSON.stringify({ ...PAYLOAD, id: -5 })],
		['no transferType', JSON.stringify({ ...PAYLOAD, transferType: undefined })],
		['unknown transferType', JSON.stringify({ ...PAYLOAD, transferType: 'sideways' })],
		['amount as text', JSON.stringify({ ...PAYLOAD, transferAmount: 'lots' })],
		['no amount', JSON.stringify({ ...PAYLOAD, transferAmount: undefined })],
	])('rejects %s', (_name, text) => {
		expect(parseDelivery(raw(text), 'application/json', {}).ok).toBe(false);
	});

	it('has a limit far above any SePay delivery', () => {
		expect(MAX_BODY_BYTES).toBeGreaterThan(JSON.stringify(PAYLOAD).length * 10);
	});
});
