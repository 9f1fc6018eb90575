/**
 * Registry of credential types for the harness, doing what n8n's CredentialTypes plus
 * CredentialsHelper.getCredentialsProperties do: look types up by name, walk `extends`
 * for parent types, and merge parent properties under the child's (the child wins).
 * `oAuth2Api` is always known (see oauth2-api.credentials.ts) so OAuth2 credentials work.
 */
import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { OAuth2ApiHarness } from './oauth2-api.credentials';

/** n8n stores OAuth tokens in this field although no credential declares it. */
const oauthTokenDataProperty: INodeProperties = {
	displayName: 'oauthTokenData',
	name: 'oauthTokenData',
	type: 'json',
	required: false,
	default: {},
};

export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();

	constructor(credentialTypes: ICredentialType[]) {
		this.types.set('oAuth2Api', new OAuth2ApiHarness());
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	has(name: string): boolean {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) {
			throw new UnexpectedError(`Unknown credential type "${name}" (pass it in credentialTypes)`);
		}
		return type;
	}

	/** All ancestors, nearest first, like n8n's CredentialTypes.getParentTypes. */
	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		if (!type?.extends) return [];
		const parents: string[] = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (type.extends === undefined) {
			return name === 'oAuth2Api' || name === 'oAuth1Api'
				? [...type.properties, oauthTokenDataProperty]
				: type.properties;
		}
		const merged: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, type.properties);
		return merged;
	}
}
