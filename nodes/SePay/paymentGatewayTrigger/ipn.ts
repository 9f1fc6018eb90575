import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { PAYMENT_GATEWAY_CREDENTIAL_TYPE } from '../transport';
import { isDuplicateDelivery } from '../transactions/dedup';
import { acknowledge, answer, reject, SEPAY_SUCCESS } from '../trigger/respond';
import { safeEqual } from '../trigger/verification';
import { parseNotification } from './notification';

/** Static-data key of the notifications already seen. */
export const SEEN_NOTIFICATIONS_KEY = 'seenNotifications';

async function expectedSecret(context: IWebhookFunctions): Promise<string> {
	if (context.getNodeParameter('secretSource', 'credential') === 'custom')
		return String(context.getNodeParameter('ipnSecret', ''));
	const credentials = await context.getCredentials(PAYMENT_GATEWAY_CREDENTIAL_TYPE);
	return String(credentials.secretKey ?? '');
}

/** None for test deliveries ("listen for test event"): n8n keeps no static data for them either. */
function nodeKeyOf(context: IWebhookFunctions): string | undefined {
	if (context.getMode() === 'manual') return undefined;
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
}

/**
 * One IPN: X-Secret-Key (constant time) → known type → wanted event → duplicates → run.
 * SePay wants HTTP 200 to count it delivered; ignored notifications get it too so it stops sending.
 */
export async function handleNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await expectedSecret(this);
	const given = this.getHeaderData()['x-secret-key'];
	const header = Array.isArray(given) ? given[0] : given;
	if (secret === '' || typeof header !== 'string' || !safeEqual(header, secret)) {
		this.logger.debug(
			'SePay Payment Gateway Trigger rejected a notification without the right X-Secret-Key',
		);
		return reject(this, 401);
	}
	const parsed = parseNotification(this.getBodyData());
	if (!parsed.ok) {
		this.logger.debug(`SePay Payment Gateway Trigger rejected a notification: ${parsed.reason}`);
		return reject(this, 400);
	}
	const events = this.getNodeParameter('events', ['ORDER_PAID']) as string[];
	if (!events.includes(parsed.type)) return acknowledge(this);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (
		options.deduplicate !== false &&
		isDuplicateDelivery(
			this.getWorkflowStaticData('node'),
			SEEN_NOTIFICATIONS_KEY,
			nodeKeyOf(this),
			parsed.key,
		)
	) {
		return acknowledge(this);
	}
	return answer(this, 200, SEPAY_SUCCESS, [[{ json: parsed.payload }]]);
}
