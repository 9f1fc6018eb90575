/**
 * testCredential: what n8n's CredentialsTester does when the user clicks "Test" for a
 * credential with a `test` request: apply defaults, then run the request through n8n-core's
 * RoutingNode on a temporary noOp node (so preAuthentication always runs, as in n8n), with
 * generic authenticate applied, and map the outcome with the `rules`.
 * OAuth2 types without `test` are judged like n8n: OK when a token is present.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialsDecrypted,
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeType,
	IRunExecutionData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { CredentialStore } from './credential-store';
import { CREDENTIAL_TEST_NODE_TYPE } from './credentials-helper';
import { HarnessNodeTypes } from './node-types';

export interface CredentialTestRun {
	/** Credential type name, e.g. 'sePayApi'. */
	type: string;
	store: CredentialStore;
	/** Display name used for the temporary credential reference (default: the stored one). */
	name?: string;
}

// Messages of n8n's RESPONSE_ERROR_MESSAGES for OAuth2 credentials.
const OAUTH2_OK = 'Connection Successful!';
const OAUTH2_FAILED = 'This OAuth2 credential was not connected to an account.';

/** lodash-style `get` for the dotted keys of responseSuccessBody rules. */
function getPath(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(current, key) => (current as Record<string, unknown> | undefined)?.[key],
			value,
		);
}

interface ErrorWithCause {
	message: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

export async function testCredential(
	options: CredentialTestRun,
): Promise<INodeCredentialTestResult> {
	const { type, store } = options;
	const credentialType = store.types.getByName(type);
	const details = store.details(type);
	const stored = store.getData(type);

	if (!credentialType.test) {
		if (store.types.getParentTypes(type).includes('oAuth2Api')) {
			const token = stored.oauthTokenData as { access_token?: string } | undefined;
			return token?.access_token
				? { status: 'OK', message: OAUTH2_OK }
				: { status: 'Error', message: OAUTH2_FAILED };
		}
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}
	const testRequest: ICredentialTestRequest = credentialType.test;

	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: CREDENTIAL_TEST_NODE_TYPE,
			group: ['organization'],
			version: 1,
			description: 'Credential test',
			defaults: { name: 'No Operation' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	} as INodeType;
	const nodeDefinition: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: CREDENTIAL_TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type]: { id: details.id, name: options.name ?? details.name } },
	};
	const workflow = new Workflow({
		nodes: [nodeDefinition],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes({ [CREDENTIAL_TEST_NODE_TYPE]: nodeType }),
	});
	const node = workflow.getNode('Temp-Node') as INode;
	const additionalData = createAdditionalData(store, 'internal', {
		id: 'credential-test',
		name: 'Credential test',
		nodes: [node],
		connections: {},
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
	});

	let credentialsDecrypted: ICredentialsDecrypted;
	try {
		credentialsDecrypted = {
			id: details.id as string,
			name: details.name,
			type,
			data: store.helper.applyDefaults(additionalData, stored, type, 'internal'),
		};
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}

	const runExecutionData: IRunExecutionData = createRunExecutionData({
		resultData: { runData: {} },
	});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);

	let response;
	try {
		response = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (caught) {
		const error = caught as ErrorWithCause;
		const failure = error.cause?.response;
		if (failure) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && failure.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (failure.status < 199 || failure.status > 299) {
				return {
					status: 'Error',
					message: failure.statusText || `Received HTTP status code: ${failure.status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json;
			if (getPath(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
