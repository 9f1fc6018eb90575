import { itemFields } from '../create.description';
import { ALIASES } from './lineKeys';

/** How a validation error names a line (key undefined) or one of its fields: as the user entered it. */
export type LineName = (index: number, key?: string) => string;

/** Items (JSON): SePay's own keys, which the user typed, e.g. `items[0].tax_rate (line 1)`. */
export const jsonLineName: LineName = (index, key) =>
	`items[${index}]${key === undefined ? '' : `.${key}`} (line ${index + 1})`;

/** SePay key → the label of the Items field it comes from, e.g. tax_rate → "Tax Rate". */
const LABELS: Record<string, string> = Object.fromEntries(
	itemFields.map((field) => [ALIASES[field.name] ?? field.name, field.displayName]),
);

/** Items (fields): the labels the editor shows, e.g. `"Items → Line 1 → Tax Rate"`. */
export const fieldsLineName: LineName = (index, key) =>
	`"Items → Line ${index + 1}${key === undefined ? '' : ` → ${LABELS[key] ?? key}`}"`;
