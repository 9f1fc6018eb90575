import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** The only answer SePay counts as a successful delivery (status 200 or 201 and exactly this body). */
export const SEPAY_SUCCESS = { success: true };

/**
 * Writes the HTTP answer here, so n8n sends nothing of its own: with `responseMode: 'onReceived'`
 * and no `responseData`, n8n would otherwise answer the literal text "firstEntryJson".
 * `noWebhookResponse` tells n8n the response is already sent; `workflowData` (when given) still
 * starts the execution.
 */
export function answer(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
	workflowData?: IWebhookResponseData['workflowData'],
): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return workflowData ? { noWebhookResponse: true, workflowData } : { noWebhookResponse: true };
}

/** Acknowledged, nothing to run: filtered out or already seen. SePay must not retry it. */
export function acknowledge(context: IWebhookFunctions): IWebhookResponseData {
	return answer(context, 200, SEPAY_SUCCESS);
}

/** Rejections say what kind of problem it was and nothing about the secret. */
export function reject(context: IWebhookFunctions, status: 400 | 401 | 413): IWebhookResponseData {
	const message = { 400: 'Bad request', 401: 'Unauthorized', 413: 'Payload too large' }[status];
	return answer(context, status, { success: false, message });
}
