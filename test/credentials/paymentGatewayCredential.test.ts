/** The SePay Payment Gateway API credential as n8n's "Test" button runs it: one read of the order API. */
import { SePayPaymentGatewayApi } from '../../credentials/SePayPaymentGatewayApi.credentials';
import { startEmulator } from '../../emulator';
import type { Emulator } from '../../emulator';
import { createCredentialStore, testCredential } from '../../harness';

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ port: 0, seed: 5 });
});
afterAll(async () => emu.close());
beforeEach(() => emu.clearRequests());

function store(secretKey: string) {
	return createCredentialStore(
		{
			sePayPaymentGatewayApi: {
				environment: 'custom',
				baseUrl: `${emu.baseUrl}/`,
				merchantId: emu.secrets.pgMerchantId,
				secretKey,
			},
		} as never,
		{ credentialTypes: [new SePayPaymentGatewayApi()] },
	);
}

it('passes with the right pair: GET /v1/order?per_page=1 with Basic merchant:secret', async () => {
	const result = await testCredential({
		type: 'sePayPaymentGatewayApi',
		store: store(emu.secrets.pgSecretKey),
	});
	expect(result.status).toBe('OK');
	expect(emu.requests.map((r) => [r.method, r.path, r.query])).toEqual([
		['GET', '/v1/order', { per_page: '1' }],
	]);
	const basic = Buffer.from(`${emu.secrets.pgMerchantId}:${emu.secrets.pgSecretKey}`).toString(
		'base64',
	);
	expect(emu.requests[0].headers.authorization).toBe(`Basic ${basic}`);
});

it('fails with a wrong secret key, without echoing it', async () => {
	const result = await testCredential({
		type: 'sePayPaymentGatewayApi',
		store: store('spsk_test_wrong_key_123'),
	});
	expect(result.status).toBe('Error');
	expect(result.message).not.toContain('spsk_test_wrong_key_123');
});
