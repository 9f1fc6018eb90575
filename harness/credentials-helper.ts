/**
 * Our own ICredentialsHelper, written after the behaviour of n8n's CLI CredentialsHelper
 * (not published on npm). n8n-core's request helpers call it exactly as in n8n:
 * - getDecrypted: stored data + type defaults (incl. `extends` parents), `=` expressions
 *   resolved with `$self` = the credential's own values.
 * - authenticate: generic (headers/qs/body/auth with `{{$credentials.x}}`) or function form.
 * - preAuthentication: only for a hidden `typeOptions.expirable` property that is empty,
 *   expired (after a 401) or under test; the result is persisted in the store.
 * - updateCredentialsOauthTokenData: persists refreshed OAuth2 tokens.
 */
import type { Credentials } from 'n8n-core';
import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

import type { CredentialStore } from './credential-store';

/** n8n's credentials tester runs the test request on a noOp node with `temp: ''`. */
export const CREDENTIAL_TEST_NODE_TYPE = 'n8n-nodes-base.noOp';

const mockNode: INode = {
	id: 'mock',
	name: 'mock',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

function isTestNode(node: INode | undefined): boolean {
	return node?.type === CREDENTIAL_TEST_NODE_TYPE && node.parameters?.temp === '';
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.store.types.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.store.types.getProperties(type);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		return this.store.find(nodeCredentials, type);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.find(nodeCredentials, type).getData();
		if (raw === true) return stored;
		return this.applyDefaults(
			additionalData,
			stored,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** Defaults of every (inherited) property, then expressions resolved against `$self`. */
	applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		stored: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		let data = NodeHelpers.getNodeParameters(
			properties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		// getNodeParameters drops keys that are not declared properties; n8n adds the token back.
		if (stored.oauthTokenData !== undefined) data.oauthTokenData = stored.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null);
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				expressionResolveValues;
			try {
				data = workflow.expression.getParameterValue(
					data as INodeParameters,
					runExecutionData,
					runIndex,
					itemIndex,
					node.name,
					connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					data,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				(error as Error).message += ' [Error resolving credentials]';
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- n8n rethrows as is
				throw error;
			}
			return data;
		}
		const workflow = new Workflow({
			nodes: [mockNode],
			connections: {},
			active: false,
			nodeTypes: mockNodeTypes,
		});
		return workflow.expression.getComplexParameterValue(
			mockNode,
			data as INodeParameters,
			mode,
			additionalKeys,
			undefined,
			undefined,
			data,
		) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.store.types.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			target.headers = target.headers ?? {};
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					const resolvedKey = this.resolve(key, credentials, workflow, node);
					target[section] = target[section] ?? {};
					target[section][resolvedKey] = this.resolve(value, credentials, workflow, node);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.store.types.getByName(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		const needed = credentials[expirable.name] === '' || credentialsExpired || isTestNode(node);
		if (!needed) return undefined;

		// Only httpRequest is handed over, the one helper IHttpRequestHelper declares.
		const restricted: IHttpRequestHelper = {
			helpers: { httpRequest: async (options) => await helpers.helpers.httpRequest(options) },
		};
		this.store.count('preAuthentication', typeName);
		const output = await type.preAuthentication.call(restricted, credentials);
		// Without the expirable property in the output n8n saves nothing.
		if (output?.[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials) {
			const stored = (await this.getCredentials(nodeCredentials, typeName)).getData();
			const toPersist: ICredentialDataDecryptedObject = { ...stored };
			// Never overwrite a field the user stored as an expression with this run's value.
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(stored[key])) {
					toPersist[key] = value as ICredentialDataDecryptedObject[string];
				}
			}
			await this.updateCredentials(nodeCredentials, typeName, toPersist);
		}
		return Object.assign(credentials, output);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.find(nodeCredentials, type).setData(data);
		this.store.count('updates', type);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.find(nodeCredentials, type).updateData({ oauthTokenData: data.oauthTokenData });
		this.store.count('oauthTokenUpdates', type);
	}

	/** Resolves `={{$credentials.x}}`-style values the way n8n resolves generic auth. */
	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const additionalKeys: IWorkflowDataProxyAdditionalKeys = { $credentials: credentials };
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}
}
