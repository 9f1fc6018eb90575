import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** Where a value came from, so an error can name the field the user typed it in. */
export interface FieldRef {
	node: INode;
	itemIndex: number;
	/** As the user sees it, e.g. "Filters → Date From". */
	field: string;
}

/** Where an invoice being checked came from, so an error can point at the input item. */
export type InvoiceSource = Omit<FieldRef, 'field'>;

function shorten(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function invalid(
	source: InvoiceSource,
	where: string,
	shown: string,
	expected: string,
): NodeOperationError {
	return new NodeOperationError(source.node, `Invalid value for ${where}: ${shown}`, {
		itemIndex: source.itemIndex,
		description: `Expected ${expected}.`,
	});
}

/** A bad input value: names the field and the expected form, before any request is sent. */
export function invalidInput(ref: FieldRef, expected: string, value: unknown): NodeOperationError {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return invalid(
		ref,
		`"${ref.field}"`,
		text === undefined ? String(value) : shorten(text),
		expected,
	);
}

/**
 * A value SePay would refuse in an invoice body, caught before sending. `field` names it as the
 * user entered it: the quoted label for a node field ("Items → Line 3 → Quantity"), SePay's path
 * for what the user typed as JSON (`items[2].quantity`, zero-based like the JSON; `line` adds the
 * invoice line number). The value is shown as JSON.
 */
export function invalidField(
	source: InvoiceSource,
	field: string,
	expected: string,
	value: unknown,
	line?: number,
): NodeOperationError {
	const where = line !== undefined ? `${field} (line ${line})` : field;
	const shown = value === undefined ? 'nothing' : shorten(JSON.stringify(value) ?? String(value));
	return invalid(source, where, shown, expected);
}
