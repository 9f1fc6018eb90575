import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** Where the invoice being checked came from, so an error can point at the input item. */
export interface InvoiceSource {
	node: INode;
	itemIndex: number;
}

function shown(value: unknown): string {
	if (value === undefined) return 'nothing';
	const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * A value SePay would refuse, caught before sending. `field` names it as the user entered it: the
 * quoted label for a node field ("Items → Line 3 → Quantity"), SePay's path for what the user typed
 * as JSON (`items[2].quantity`, zero-based like the JSON; `line` adds the invoice line number).
 */
export function invalidField(
	source: InvoiceSource,
	field: string,
	expected: string,
	value: unknown,
	line?: number,
): NodeOperationError {
	const where = line !== undefined ? `${field} (line ${line})` : field;
	return new NodeOperationError(source.node, `Invalid value for ${where}: ${shown(value)}`, {
		itemIndex: source.itemIndex,
		description: `Expected ${expected}.`,
	});
}
