/**
 * Issue 12, item 2: Invoice → Create with the editor's defaults (a new Items line with only a name)
 * must create a valid invoice for every template offered, the first (a VAT template) included.
 * The parameters are resolved from the node's description by n8n's own code, as the editor does.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { itemFields } from '../../../../../nodes/SePay/actions/invoice/create.description';
import { SePay } from '../../../../../nodes/SePay/SePay.node';
import { loadOptions, run, useEInvoiceEmulator } from './setup';

const { description } = new SePay();

/** A line as the editor adds it: every field at its default, then a name typed in. */
const newLine = (itemName: string): INodeParameters => ({
	...Object.fromEntries(itemFields.map((field) => [field.name, field.default])),
	itemName,
});

function defaultsWith(saved: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(
		description.properties,
		saved,
		true,
		false,
		{ typeVersion: 1 },
		description,
	) as INodeParameters;
}

describe('Invoice → Create with its defaults', () => {
	const t = useEInvoiceEmulator();

	it('the first provider account offers a VAT template first (what made the defaults fail)', async () => {
		const [account] = await loadOptions(t.store, 'getProviderAccounts', {
			resource: 'invoice',
			operation: 'create',
		});
		const templates = await loadOptions(t.store, 'getTemplates', {
			resource: 'invoice',
			operation: 'create',
			providerAccountId: account.value,
		});
		expect(String(templates[0].value)).toMatch(/^1\|/);
	});

	it('creates a valid draft for every template offered', async () => {
		const accounts = await loadOptions(t.store, 'getProviderAccounts', {
			resource: 'invoice',
			operation: 'create',
		});
		const providerAccountId = String(accounts[0].value);
		const templates = await loadOptions(t.store, 'getTemplates', {
			resource: 'invoice',
			operation: 'create',
			providerAccountId,
		});
		expect(templates.length).toBeGreaterThan(0);
		for (const template of templates) {
			t.emu.clearRequests();
			const parameters = defaultsWith({
				resource: 'invoice',
				operation: 'create',
				providerAccountId,
				template: String(template.value),
				items: { item: [newLine('Dịch vụ A'), { ...newLine('Ghi chú'), lineType: 4 }] },
			});
			const { output } = await run({ store: t.store, parameters });
			expect(output[0]).toHaveLength(1);
			const body = t.emu.requests.find((r) => r.path === '/v1/invoices/create')
				?.body as IDataObject;
			const [line, note] = body.items as IDataObject[];
			if (String(template.value).startsWith('1|')) {
				expect(line.tax_rate).toBe(10);
			} else {
				expect(line.tax_rate).toBeUndefined();
			}
			expect(note.tax_rate).toBeUndefined();
		}
	});
});
