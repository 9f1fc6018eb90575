/** A banking resource given a non-banking Authentication value stops with a clear message, sending nothing. */
import { startNodeTest, type NodeTestContext } from '../setup';

let t: NodeTestContext;
beforeAll(async () => {
	t = await startNodeTest();
});
afterAll(async () => await t.emu.close());

it('Transaction → Get Many with Authentication "eInvoiceApi" names the credentials it needs', async () => {
	t.emu.clearRequests();
	const error = await t
		.run(undefined, {
			resource: 'transaction',
			operation: 'getAll',
			authentication: 'eInvoiceApi',
			limit: 5,
		})
		.catch((e) => e);
	expect(error.message).toBe('Authentication "eInvoiceApi" cannot be used for this resource');
	expect(error.description).toContain('SePay API (token) or SePay OAuth2 API');
	expect(t.apiRequests()).toHaveLength(0);
});
