import { updateDisplayOptions } from 'n8n-workflow';

import type { ResourceName } from './registry';
import type { SePayResource } from './types';
import { bankAccount } from './bankAccount';
import { checkout } from './checkout';
import { company } from './company';
import { einvoiceToken } from './einvoiceToken';
import { einvoiceUsage } from './einvoiceUsage';
import { invoice } from './invoice';
import { paymentGatewayOrder } from './paymentGatewayOrder';
import { paymentQr } from './paymentQr';
import { profile } from './profile';
import { providerAccount } from './providerAccount';
import { transaction } from './transaction';
import { virtualAccountOrder } from './virtualAccountOrder';
import { webhook } from './webhook';

/** Every resource of the registry with its operations, by parameter value. */
export const resources: Record<ResourceName, SePayResource> = {
	bankAccount,
	checkout,
	company,
	einvoiceToken,
	einvoiceUsage,
	invoice,
	paymentGatewayOrder,
	paymentQr,
	profile,
	providerAccount,
	transaction,
	virtualAccountOrder,
	webhook,
};

/**
 * Every resource's parameters, each shown only for its own resource (n8n's updateDisplayOptions
 * adds the condition to the ones that lack it).
 */
export const registeredResourceDescriptions = (Object.keys(resources) as ResourceName[]).flatMap(
	(name) => updateDisplayOptions({ show: { resource: [name] } }, resources[name].description),
);
