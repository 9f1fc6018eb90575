import type { ICredentialsDisplayOptions } from 'n8n-workflow';

/**
 * When a credential is shown: for its own Authentication value(s), written as "hidden for every
 * other value" (issue 12). n8n's editor (2.8) takes every parameter a credential's
 * `displayOptions.show` names as an auth field: it hides it, hides what the field's own `show`
 * names (that hid Resource), and mixes all such credentials into one list whose pre-selection
 * ignores the resource. A `hide` keeps Resource and Authentication ordinary selectors, and each
 * resource's credential list holds its own credential type only. Add a new API family's value
 * to the list a node passes; every other credential then hides for it.
 */
export function credentialShownFor(
	own: string[],
	allValues: readonly string[],
): ICredentialsDisplayOptions {
	return { hide: { authentication: allValues.filter((value) => !own.includes(value)) } };
}
