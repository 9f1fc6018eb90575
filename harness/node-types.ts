/**
 * INodeTypes for a harness workflow: our node under test (plus helper nodes) registered
 * under `n8n-nodes-sepay.<description.name>`, the name n8n gives a community package's node.
 */
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export const PACKAGE_PREFIX = 'n8n-nodes-sepay';

export type AnyNodeType = INodeType | IVersionedNodeType;

export function nodeTypeName(nodeType: AnyNodeType): string {
	const { name } = nodeType.description as INodeTypeDescription;
	return name.includes('.') ? name : `${PACKAGE_PREFIX}.${name}`;
}

/** Default version like n8n's editor picks for a new node: defaultVersion, else the newest. */
export function latestVersion(nodeType: AnyNodeType): number {
	const description = nodeType.description as INodeTypeDescription & { defaultVersion?: number };
	if (description.defaultVersion !== undefined) return description.defaultVersion;
	const { version } = description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, AnyNodeType>();

	/** `wrap` lets a runner intercept the resolved INodeType (e.g. to keep a thrown error). */
	constructor(
		nodeTypes: Record<string, AnyNodeType>,
		private readonly wrap: (name: string, type: INodeType) => INodeType = (_n, type) => type,
	) {
		for (const [name, type] of Object.entries(nodeTypes)) this.types.set(name, type);
	}

	getByName(nodeType: string): AnyNodeType {
		return this.get(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return this.wrap(nodeType, NodeHelpers.getVersionedNodeType(this.get(nodeType), version));
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	private get(nodeType: string): AnyNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new UnexpectedError(`Unrecognized node type: ${nodeType}`);
		return type;
	}
}
