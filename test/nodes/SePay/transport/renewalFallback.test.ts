/**
 * On an n8n without `helpers.refreshOAuth2Token`, a 401 on OAuth2 is resent the normal way (errors
 * thrown), where n8n's own helper refreshes the token. A mock context: only that helper is missing.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { sendWithRetries } from '../../../../nodes/SePay/transport/send';

it('lets n8n renew the OAuth2 token when it has no refresh helper', async () => {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				return sent.length === 1
					? { statusCode: 401, headers: {}, body: { error: 'unauthorized' } }
					: { statusCode: 200, headers: {}, body: { data: 'ok' } };
			},
		},
		getNode: () => ({
			id: 'n',
			name: 'SePay',
			type: 'sePay',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	} as unknown as IExecuteFunctions;
	const body = await sendWithRetries.call(
		context,
		{ method: 'GET', url: 'http://127.0.0.1:9/api/v1/me' },
		{
			credentialType: 'sePayOAuth2Api',
			family: 'oAuth2',
			pace: { key: 'fallback-test', perSecond: 1000 },
			secrets: [],
		},
	);
	expect(body).toEqual({ data: 'ok' });
	expect(sent.map((options) => options.ignoreHttpStatusErrors)).toEqual([true, false]);
});
