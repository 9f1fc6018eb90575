/** Payment QR → Generate: the VietQR image URL, and the PNG from the emulator's /img (no credential). */
import { jsonOf, startNodeTest } from '../../setup';
import type { NodeTestContext } from '../../setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest();
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

const PNG_MAGIC = '89504e470d0a1a0a';

it('builds the qr.sepay.vn URL without any request or credential', async () => {
	const result = await t.run(undefined, {
		resource: 'paymentQr',
		operation: 'generate',
		accountNumber: '0071000888888',
		bank: 'Vietcombank',
		amount: 150000,
		paymentDescription: 'DH123456 thanh toan',
	});
	expect(jsonOf(result)).toEqual([
		{
			url: 'https://qr.sepay.vn/img?acc=0071000888888&bank=Vietcombank&amount=150000&des=DH123456+thanh+toan',
			accountNumber: '0071000888888',
			bank: 'Vietcombank',
			amount: 150000,
			paymentDescription: 'DH123456 thanh toan',
			template: null,
		},
	]);
	expect(t.emu.requests).toHaveLength(0);
});

it('puts the PNG in a binary property, one per input item, from the QR service URL option', async () => {
	const result = await t.run(
		undefined,
		{
			resource: 'paymentQr',
			operation: 'generate',
			accountNumber: '={{ $json.account }}',
			bank: 'MBBank',
			amount: '={{ $json.total }}',
			paymentDescription: '={{ $json.code }}',
			download: true,
			binaryPropertyName: 'qr',
			options: { qrServiceUrl: `${t.emu.baseUrl}/img`, template: 'compact' },
		},
		{
			items: [
				{ json: { account: '552049335161', total: 99000, code: 'DH1' } },
				{ json: { account: '123456', total: 5000, code: 'DH2' } },
			],
		},
	);
	const output = result.output[0];
	expect(output).toHaveLength(2);
	expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(t.emu.requests.map((r) => [r.method, r.path, r.query])).toEqual([
		[
			'GET',
			'/img',
			{ acc: '552049335161', bank: 'MBBank', amount: '99000', des: 'DH1', template: 'compact' },
		],
		[
			'GET',
			'/img',
			{ acc: '123456', bank: 'MBBank', amount: '5000', des: 'DH2', template: 'compact' },
		],
	]);
	const binary = output[0].binary?.qr;
	expect(binary?.mimeType).toBe('image/png');
	expect(binary?.fileName).toBe('vietqr-552049335161.png');
	expect(
		Buffer.from(binary?.data ?? '', 'base64')
			.subarray(0, 8)
			.toString('hex'),
	).toBe(PNG_MAGIC);
	expect(output[0].json.url).toBe(
		`${t.emu.baseUrl}/img?acc=552049335161&bank=MBBank&amount=99000&des=DH1&template=compact`,
	);
});

it('leaves the amount out when it is 0 (the customer types it)', async () => {
	const result = await t.run(undefined, {
		resource: 'paymentQr',
		operation: 'generate',
		accountNumber: '123456',
		bank: 'ACB',
		amount: 0,
	});
	expect(jsonOf(result)[0]).toMatchObject({
		url: 'https://qr.sepay.vn/img?acc=123456&bank=ACB',
		amount: null,
	});
});

it.each([
	[{ amount: 1500.5 }, /Amount/],
	[{ amount: -1 }, /Amount/],
	[{ accountNumber: '0071 000' }, /Account Number/],
	[{ bank: '<b>' }, /Bank/],
	[{ options: { qrServiceUrl: 'ftp://x' } }, /QR Service URL/],
])('validates %j before any request', async (overrides, message) => {
	await expect(
		t.run(undefined, {
			resource: 'paymentQr',
			operation: 'generate',
			accountNumber: '123456',
			bank: 'ACB',
			...overrides,
		}),
	).rejects.toThrow(message);
	expect(t.emu.requests).toHaveLength(0);
});

it('gives an error item when the image cannot be fetched under Continue On Fail', async () => {
	const result = await t.run(
		undefined,
		{
			resource: 'paymentQr',
			operation: 'generate',
			accountNumber: '123456',
			bank: 'ACB',
			download: true,
			options: { qrServiceUrl: `${t.emu.baseUrl}/no-such-path` },
		},
		{ continueOnFail: true },
	);
	expect(jsonOf(result)).toEqual([
		expect.objectContaining({ error: 'Could not fetch the QR image' }),
	]);
});
