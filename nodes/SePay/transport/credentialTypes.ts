/** Which credential a banking call uses, chosen by the node's Authentication parameter. */
export type BankingAuthentication = 'apiToken' | 'oAuth2';

export const CREDENTIAL_TYPE: Record<BankingAuthentication, string> = {
	apiToken: 'sePayApi',
	oAuth2: 'sePayOAuth2Api',
};

export const EINVOICE_CREDENTIAL_TYPE = 'sePayEInvoiceApi';

export const PAYMENT_GATEWAY_CREDENTIAL_TYPE = 'sePayPaymentGatewayApi';
