/** Profile → Get and Company → Get / Update Configurations (OAuth2 API only). */
import { jsonOf, startNodeTest } from '../setup';
import type { NodeTestContext } from '../setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest();
});
afterAll(async () => t.emu.close());
beforeEach(() => t.emu.clearRequests());

it('gets the connected user', async () => {
	const result = await t.run('oAuth2', { resource: 'profile', operation: 'get' });
	expect(t.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/me']);
	expect(jsonOf(result)).toEqual([t.emu.state.profile]);
});

it('gets the company with its configuration', async () => {
	const result = await t.run('oAuth2', { resource: 'company', operation: 'get' });
	expect(t.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/company']);
	expect(jsonOf(result)[0]).toMatchObject({
		id: t.emu.state.company.id,
		configurations: { payment_code_formats: expect.any(Array) },
	});
});

it('replaces the payment code formats', async () => {
	const result = await t.run('oAuth2', {
		resource: 'company',
		operation: 'updateConfigurations',
		paymentCodeFormats: {
			format: [
				{ prefix: 'DH', suffixFrom: 6, suffixTo: 8, characterType: 'NumberOnly', isActive: true },
				{
					prefix: 'inv',
					suffixFrom: 4,
					suffixTo: 6,
					characterType: 'NumberAndLetter',
					isActive: false,
				},
			],
		},
	});
	const [request] = t.apiRequests();
	expect(request.method).toBe('PATCH');
	expect(request.path).toBe('/api/v1/company/configurations');
	expect(request.body).toEqual({
		payment_code_formats: [
			{ prefix: 'DH', suffix_from: 6, suffix_to: 8, character_type: 'NumberOnly', is_active: true },
			{
				prefix: 'inv',
				suffix_from: 4,
				suffix_to: 6,
				character_type: 'NumberAndLetter',
				is_active: false,
			},
		],
	});
	expect(jsonOf(result)[0]).toMatchObject({
		payment_code_formats: [{ prefix: 'DH' }, { prefix: 'INV', is_active: false }],
	});
});

it('validates a format before any request', async () => {
	await expect(
		t.run('oAuth2', {
			resource: 'company',
			operation: 'updateConfigurations',
			paymentCodeFormats: { format: [{ prefix: 'DH', suffixFrom: 8, suffixTo: 6 }] },
		}),
	).rejects.toThrow(/Format 1 → Suffix Length To/);
	expect(t.apiRequests()).toHaveLength(0);
});

it.each([
	['profile', 'get'],
	['company', 'get'],
	['company', 'updateConfigurations'],
])('%s → %s with API Token says it needs OAuth2 and sends nothing', async (resource, operation) => {
	await expect(
		t.run('apiToken', { resource, operation, paymentCodeFormats: { format: [{ prefix: 'DH' }] } }),
	).rejects.toThrow(/needs OAuth2 authentication/);
	expect(t.apiRequests()).toHaveLength(0);
});
