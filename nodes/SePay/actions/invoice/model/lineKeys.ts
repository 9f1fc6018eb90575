/** Accepted keys: SePay's own, and the camelCase names the node's fields use. */
export const ALIASES: Record<string, string> = {
	lineNumber: 'line_number',
	lineType: 'line_type',
	itemName: 'item_name',
	name: 'item_name',
	itemCode: 'item_code',
	unitPrice: 'unit_price',
	taxRate: 'tax_rate',
	discountTax: 'discount_tax',
	discountPercent: 'discount_tax',
	discountAmount: 'discount_amount',
	beforeDiscountAndTaxAmount: 'before_discount_and_tax_amount',
};
export const FIELDS = [
	'line_number',
	'line_type',
	'item_name',
	'item_code',
	'unit',
	'quantity',
	'unit_price',
	'tax_rate',
	'discount_tax',
	'discount_amount',
	'before_discount_and_tax_amount',
];
