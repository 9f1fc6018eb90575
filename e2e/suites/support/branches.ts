/**
 * Workflow shapes for suites that read many nodes from one `n8n execute` (each call costs an n8n
 * boot): Manual Trigger → several independent branches, plus readers for what run-data.ts leaves
 * out (pairedItem, binary).
 */
import type { WorkflowJson } from '../../n8n-instance';
import { node, type NodeJson } from '../../workflow-json';

/** Manual Trigger → each branch (its nodes one after another); every branch starts from the trigger. */
export function manualBranches(id: string, name: string, branches: NodeJson[][]): WorkflowJson {
	const start = node('Start', 'n8n-nodes-base.manualTrigger');
	const connections: Record<string, unknown> = {
		[start.name]: { main: [branches.map((b) => ({ node: b[0].name, type: 'main', index: 0 }))] },
	};
	branches.forEach((branch, row) =>
		branch.forEach((n, col) => {
			n.position = [(col + 1) * 220, row * 160];
			if (col > 0)
				connections[branch[col - 1].name] = { main: [[{ node: n.name, type: 'main', index: 0 }]] };
		}),
	);
	return {
		id,
		name,
		active: false,
		nodes: [start, ...branches.flat()],
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The node's "On Error: Continue" setting: a failing item becomes an output item with `error`. */
export function continueOnFail(n: NodeJson): NodeJson {
	return Object.assign(n, { onError: 'continueRegularOutput' });
}

export interface RawItem {
	json: Record<string, unknown>;
	binary?: Record<
		string,
		{
			mimeType?: string;
			fileName?: string;
			fileExtension?: string;
			fileSize?: string;
			data?: string;
			id?: string;
		}
	>;
	pairedItem?: { item: number } | Array<{ item: number }> | number;
}

interface RunLike {
	data?: {
		resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<RawItem[] | null> } }>> };
	};
}

/** A node's output items as stored in the run data (json, binary, pairedItem), first run and output. */
export function rawItems(run: unknown, nodeName: string): RawItem[] {
	return (
		(run as RunLike | undefined)?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? []
	);
}

/** The input item index an output item is paired with. */
export function pairedIndex(item: RawItem): number | undefined {
	const p = item.pairedItem;
	if (typeof p === 'number') return p;
	if (Array.isArray(p)) return p.length === 1 ? p[0].item : undefined;
	return p?.item;
}
