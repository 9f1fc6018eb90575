import type { INodeProperties } from 'n8n-workflow';

import { SePay } from '../../../../nodes/SePay/SePay.node';
import { RESOURCE_REGISTRY, resourcesOf } from '../../../../nodes/SePay/actions/registry';
import { resources } from '../../../../nodes/SePay/actions/resources';

const description = new SePay().description;
const registered = Object.keys(RESOURCE_REGISTRY).sort();

describe('the resource registry is the one list of resources', () => {
	it("gives the node's Resource options: every registered resource, under its display name, nothing else", () => {
		const resource = description.properties.find((p) => p.name === 'resource') as INodeProperties;
		expect(resource.options).toEqual(
			Object.entries(RESOURCE_REGISTRY).map(([value, entry]) => ({
				name: entry.displayName,
				value,
			})),
		);
		expect(resource.default).toBe('transaction');
	});

	it('has operations and an Operation parameter for every registered resource, and for nothing else', () => {
		expect(Object.keys(resources).sort()).toEqual(registered);
		for (const name of registered) {
			const operation = description.properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(name),
			);
			const values = (operation?.options ?? [])
				.map((option) => (option as { value: string }).value)
				.sort();
			expect({ name, values }).toEqual({
				name,
				values: Object.keys(resources[name as keyof typeof resources].operations).sort(),
			});
		}
	});

	it('splits the resources between the APIs without gaps or overlaps', () => {
		const byApi = [
			...resourcesOf('banking'),
			...resourcesOf('einvoice'),
			...resourcesOf('paymentGateway'),
			...resourcesOf('public'),
		];
		expect([...byApi].sort()).toEqual(registered);
		expect(resourcesOf('einvoice').sort()).toEqual([
			'einvoiceToken',
			'einvoiceUsage',
			'invoice',
			'providerAccount',
		]);
		expect(resourcesOf('banking').sort()).toEqual([
			'bankAccount',
			'company',
			'profile',
			'transaction',
			'virtualAccountOrder',
			'webhook',
		]);
		expect(resourcesOf('paymentGateway').sort()).toEqual(['checkout', 'paymentGatewayOrder']);
	});

	it("shows every resource's parameters only for that resource", () => {
		for (const property of description.properties) {
			if (property.name === 'resource' || property.name === 'authentication') continue;
			const shown = property.displayOptions?.show?.resource ?? [];
			expect({ name: property.name, count: shown.length }).toEqual({
				name: property.name,
				count: 1,
			});
		}
	});
});
