/**
 * When n8n hands over no raw bytes (multipart bodies, unusual hosts) the node can still check an
 * API key and read the parsed fields, but an HMAC can only fail closed.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { handleDelivery } from '../../../../nodes/SePay/trigger/delivery';

const SECRET = 'whsec_rawbody_test_secret';
const KEY = 'rawbody-api-key-0123456789';
const PAYLOAD = {
	id: 31,
	gateway: 'ACB',
	transactionDate: '2026-11-23 09:00:00',
	accountNumber: '1',
	subAccount: null,
	code: null,
	content: 'x',
	transferType: 'in',
	description: '',
	transferAmount: 1000,
	accumulated: 0,
	referenceCode: '',
};
// SePay's own bytes (PHP-style spacing/escaping) differ from JSON.stringify of the parsed body.
const SEPAY_BYTES = JSON.stringify(PAYLOAD, null, 1);

function context(parameters: IDataObject, headers: IDataObject) {
	const answer: { status?: number; body?: unknown } = {};
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(body: unknown) {
			answer.body = body;
			return response;
		},
	};
	const staticData: IDataObject = {};
	const ctx = {
		getRequestObject: () => ({}),
		getResponseObject: () => response,
		getBodyData: () => ({ ...PAYLOAD }),
		getHeaderData: () => ({ 'content-type': 'application/json', ...headers }),
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getWorkflowStaticData: () => staticData,
		getNode: () => ({ id: 'raw-body-test', name: 'SePay Trigger' }),
		getWorkflow: () => ({ id: `raw-body-${Math.random()}` }),
		getMode: () => 'webhook',
		logger: { debug: () => undefined },
	} as unknown as IWebhookFunctions;
	return { ctx, answer };
}

describe('deliveries without raw bytes', () => {
	it('fail HMAC verification closed (401, no run)', async () => {
		const timestamp = Math.floor(Date.now() / 1000);
		const signature = createHmac('sha256', SECRET)
			.update(`${timestamp}.${SEPAY_BYTES}`)
			.digest('hex');
		const { ctx, answer } = context(
			{ registration: 'manual', verification: 'hmac', hmacSecret: SECRET, direction: 'both' },
			{ 'x-sepay-timestamp': String(timestamp), 'x-sepay-signature': `sha256=${signature}` },
		);
		const result = await handleDelivery.call(ctx);
		expect(answer.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('still pass an API key check and run once', async () => {
		const { ctx, answer } = context(
			{ registration: 'manual', verification: 'apiKey', apiKey: KEY, direction: 'both' },
			{ authorization: `Apikey ${KEY}` },
		);
		const result = await handleDelivery.call(ctx);
		expect([answer.status, answer.body]).toEqual([200, { success: true }]);
		expect(result.workflowData?.[0].map((item) => item.json.id)).toEqual([31]);
	});
});
