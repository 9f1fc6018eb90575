import type { INodeProperties } from 'n8n-workflow';

/** Automatic registration uses OAuth2; Manual needs no credential ("none"). */
export const TRIGGER_AUTHENTICATION_VALUES = ['oAuth2', 'none'] as const;

/**
 * Automatic registration calls SePay's OAuth2 API. The credential is keyed on this property, not
 * on Registration: n8n's editor hides every parameter a credential's displayOptions name (issue 12).
 * One option, shown only for Automatic; workflows saved before it existed get the default.
 */
export const triggerAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'OAuth2',
			value: 'oAuth2',
			description: 'SePay OAuth2 API: creates and deletes the webhook',
		},
	],
	default: 'oAuth2',
	// `hide`, not `show: automatic`: n8n's editor hides parameters an auth field's `show` names.
	displayOptions: { hide: { registration: ['manual'] } },
};

/** Manual registration: no credential. Hidden; workflows saved before it existed get the default. */
export const manualAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'hidden',
	default: 'none',
	displayOptions: { show: { registration: ['manual'] } },
};
