/**
 * Small builders for workflow JSON as `n8n import:workflow` takes it, so suites stay short.
 * Node types of this package are `n8n-nodes-sepay.<name>` (the packed package, not CUSTOM.*).
 */
import { credentialRef, type DemoCredentialKey } from './demo-credentials';
import type { WorkflowJson } from './n8n-instance';
import { PACKAGE_NAME } from './package-tarball';

export interface NodeJson {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export const ourType = (name: string): string => `${PACKAGE_NAME}.${name}`;

let counter = 0;

export function node(
	name: string,
	type: string,
	parameters: Record<string, unknown> = {},
	extra: Partial<NodeJson> = {},
): NodeJson {
	counter++;
	return {
		id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...extra,
	};
}

/** The SePay action node with one of the demo credentials. */
export function sepayNode(
	name: string,
	parameters: Record<string, unknown>,
	credential: DemoCredentialKey,
): NodeJson {
	return node(name, ourType('sePay'), parameters, { credentials: credentialRef(credential) });
}

/** n8n's HTTP Request node using one of our credential types (proves `authenticate` on its own). */
export function httpWithCredential(
	name: string,
	url: string,
	credential: DemoCredentialKey,
): NodeJson {
	const ref = credentialRef(credential);
	return node(
		name,
		'n8n-nodes-base.httpRequest',
		{
			method: 'GET',
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: Object.keys(ref)[0],
			options: {},
		},
		{ typeVersion: 4.2, credentials: ref },
	);
}

/** A workflow whose nodes run one after another in the given order (the first one starts it). */
export function chain(id: string, name: string, nodes: NodeJson[]): WorkflowJson {
	const connections: Record<string, unknown> = {};
	nodes.forEach((n, i) => {
		n.position = [i * 220, 0];
		if (i > 0)
			connections[nodes[i - 1].name] = { main: [[{ node: n.name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Manual Trigger → nodes: a workflow `n8n execute --id` can run headless. */
export function manualChain(id: string, name: string, nodes: NodeJson[]): WorkflowJson {
	return chain(id, name, [node('Start', 'n8n-nodes-base.manualTrigger'), ...nodes]);
}
