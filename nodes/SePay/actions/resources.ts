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

/** Every resource by its parameter value. */
export const resources: Record<string, SePayResource> = {
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
