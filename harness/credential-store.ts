/**
 * In-memory credentials "database" shared by every run in a test. Data is kept encrypted
 * through n8n-core's own `Credentials` class (same cipher and JSON round trip as n8n's DB),
 * one credential per type. Counters let tests prove how often tokens were fetched/saved.
 */
import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeCredentials,
	INodeCredentialsDetails,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { CredentialTypeRegistry } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import './setup';

export interface CredentialStoreOptions {
	/** Credential types the stored data belongs to, e.g. `[new SePayApi(), new SePayOAuth2Api()]`. */
	credentialTypes: ICredentialType[];
}

export interface CredentialStoreStats {
	/** How often a type's own `preAuthentication()` ran (i.e. tokens fetched). */
	preAuthentication: Record<string, number>;
	/** How often `updateCredentials` persisted data (preAuthentication results). */
	updates: Record<string, number>;
	/** How often n8n-core saved refreshed OAuth2 token data. */
	oauthTokenUpdates: Record<string, number>;
}

interface Entry {
	id: string;
	name: string;
	type: string;
	credentials: Credentials;
}

export class CredentialStore {
	readonly types: CredentialTypeRegistry;

	readonly helper: HarnessCredentialsHelper;

	readonly stats: CredentialStoreStats = {
		preAuthentication: {},
		updates: {},
		oauthTokenUpdates: {},
	};

	private readonly entries = new Map<string, Entry>();

	constructor(
		data: Record<string, ICredentialDataDecryptedObject>,
		options: CredentialStoreOptions,
	) {
		this.types = new CredentialTypeRegistry(options.credentialTypes);
		this.helper = new HarnessCredentialsHelper(this);
		for (const [type, values] of Object.entries(data)) this.add(type, values);
	}

	/** Adds or replaces the credential of `type`. Its id is `<type>-id`, its name `<type>`. */
	add(
		type: string,
		data: ICredentialDataDecryptedObject,
		details?: Partial<INodeCredentialsDetails>,
	): void {
		this.types.getByName(type);
		const id = details?.id ?? `${type}-id`;
		const name = details?.name ?? type;
		const credentials = new Credentials({ id, name }, type);
		credentials.setData(data);
		this.entries.set(type, { id, name, type, credentials });
	}

	has(type: string): boolean {
		return this.entries.has(type);
	}

	/** The decrypted data as stored (no defaults applied), e.g. to assert a saved token. */
	getData(type: string): ICredentialDataDecryptedObject {
		return this.entry(type).credentials.getData();
	}

	setData(type: string, data: ICredentialDataDecryptedObject): void {
		this.entry(type).credentials.setData(data);
	}

	/** `{ id, name }` of the stored credential, as a workflow node references it. */
	details(type: string): INodeCredentialsDetails {
		const { id, name } = this.entry(type);
		return { id, name };
	}

	/** Node `credentials` for the given types (default: every stored type). */
	nodeCredentials(types: string[] = [...this.entries.keys()]): INodeCredentials {
		const result: INodeCredentials = {};
		for (const type of types) if (this.entries.has(type)) result[type] = this.details(type);
		return result;
	}

	/** Finds the credential a node references; throws like n8n when id or type do not match. */
	find(nodeCredentials: INodeCredentialsDetails, type: string): Credentials {
		const entry = this.entries.get(type);
		if (!entry || (nodeCredentials.id !== null && nodeCredentials.id !== entry.id)) {
			throw new UnexpectedError(
				`Credential with ID "${String(nodeCredentials.id)}" does not exist for type "${type}".`,
			);
		}
		return entry.credentials;
	}

	count(counter: keyof CredentialStoreStats, type: string): void {
		this.stats[counter][type] = (this.stats[counter][type] ?? 0) + 1;
	}

	private entry(type: string): Entry {
		const entry = this.entries.get(type);
		if (!entry) throw new UnexpectedError(`No credential of type "${type}" in the store`);
		return entry;
	}
}

export function createCredentialStore(
	data: Record<string, ICredentialDataDecryptedObject>,
	options: CredentialStoreOptions,
): CredentialStore {
	return new CredentialStore(data, options);
}
