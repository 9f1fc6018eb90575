import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** Where a value came from, so an error can name the field the user typed it in. */
export interface FieldRef {
	node: INode;
	itemIndex: number;
	/** As the user sees it, e.g. "Filters → Date From". */
	field: string;
}

function shown(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A bad input value: names the field and the expected form, before any request is sent. */
export function invalidInput(ref: FieldRef, expected: string, value: unknown): NodeOperationError {
	return new NodeOperationError(ref.node, `Invalid value for "${ref.field}": ${shown(value)}`, {
		itemIndex: ref.itemIndex,
		description: `Expected ${expected}.`,
	});
}
