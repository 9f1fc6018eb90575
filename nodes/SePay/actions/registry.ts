import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Which SePay API (and so which credential) serves a resource: the banking APIs (API token or
 * OAuth2), the eInvoice API, the Payment Gateway, or none (public endpoints such as the VietQR image).
 */
export type ApiFamily = 'banking' | 'einvoice' | 'paymentGateway' | 'public';

interface ResourceEntry {
	/** As the Resource selector shows it. */
	displayName: string;
	api: ApiFamily;
}

/**
 * The one list of the node's resources, by parameter value (saved workflows hold these values:
 * never rename one). The Resource options and the per-API lists derive from it, and
 * `resources.ts` must give every entry its operations (a missing or extra one fails the type check).
 */
export const RESOURCE_REGISTRY = {
	bankAccount: { displayName: 'Bank Account', api: 'banking' },
	checkout: { displayName: 'Checkout (Payment Gateway)', api: 'paymentGateway' },
	company: { displayName: 'Company', api: 'banking' },
	invoice: { displayName: 'E-Invoice', api: 'einvoice' },
	providerAccount: { displayName: 'E-Invoice Provider Account', api: 'einvoice' },
	einvoiceToken: { displayName: 'E-Invoice Token', api: 'einvoice' },
	einvoiceUsage: { displayName: 'E-Invoice Usage', api: 'einvoice' },
	paymentGatewayOrder: { displayName: 'Order (Payment Gateway)', api: 'paymentGateway' },
	paymentQr: { displayName: 'Payment QR', api: 'public' },
	profile: { displayName: 'Profile', api: 'banking' },
	transaction: { displayName: 'Transaction', api: 'banking' },
	virtualAccountOrder: { displayName: 'Virtual Account Order', api: 'banking' },
	webhook: { displayName: 'Webhook', api: 'banking' },
} as const satisfies Record<string, ResourceEntry>;

export type ResourceName = keyof typeof RESOURCE_REGISTRY;

const entries = Object.entries(RESOURCE_REGISTRY) as Array<[ResourceName, ResourceEntry]>;

/** The Resource parameter's options, in the registry's (alphabetical) order. */
export const resourceOptions: INodePropertyOptions[] = entries.map(([value, entry]) => ({
	name: entry.displayName,
	value,
}));

/** The resources one API serves, for displayOptions. */
export function resourcesOf(api: ApiFamily): ResourceName[] {
	return entries.filter(([, entry]) => entry.api === api).map(([name]) => name);
}

/** Every resource another API (or none) serves: where one API's Authentication property hides. */
export function resourcesExcept(api: ApiFamily): ResourceName[] {
	return entries.filter(([, entry]) => entry.api !== api).map(([name]) => name);
}
