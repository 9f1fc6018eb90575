export {
	sepayApiRequestAllItems,
	sepayApiRequestPages,
	einvoiceApiRequestAllItems,
} from './allItems';
export { sepayApiRequest, einvoiceApiRequest } from './request';
export type { SePayRequest } from './request';
export { paginate, readPages, MAX_PAGES } from './pagination';
export type { PageOptions, Pages } from './pagination';
export { failureOf } from './errors';
export type { FailureData } from './errors';
export type { SePayContext } from './send';
export type { BankingAuthentication } from './credentialTypes';
export { CREDENTIAL_TYPE, EINVOICE_CREDENTIAL_TYPE } from './credentialTypes';
export { redact } from './redact';
export { PAYMENT_GATEWAY_CREDENTIAL_TYPE } from './credentialTypes';
export {
	checkoutUrl,
	paymentGatewayApiRequest,
	paymentGatewayApiRequestAllItems,
	paymentGatewayCredentials,
} from './paymentGateway';
