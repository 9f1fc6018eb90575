import type { INodeProperties } from 'n8n-workflow';

import { pollOptions, waitProperties } from './fields';

const show = { show: { resource: ['invoice'], operation: ['create'] } };
const showWith = (extra: Record<string, string[]>) => ({ show: { ...show.show, ...extra } });

/**
 * "By Template": 10% on a VAT invoice (template 1), none on a sales invoice (template 2). The default,
 * so a new line is valid for whichever template is chosen (issue 12: the first template offered is
 * usually the VAT one, and a "None" default made every first run fail).
 */
export const TAX_RATE_BY_TEMPLATE = 'byTemplate';
export const VAT_RATE_BY_TEMPLATE = 10;

/** Tax-rate choices: SePay's enum, plus None for sales invoices (template 2), which carry no VAT. */
export const taxRateOptions = [
	{ name: '0%', value: '0' },
	{ name: '10%', value: '10' },
	{ name: '5%', value: '5' },
	{ name: '8%', value: '8' },
	{ name: 'By Template (10% VAT; None on a Sales Invoice)', value: TAX_RATE_BY_TEMPLATE },
	{ name: 'KCT (Not Subject to VAT)', value: '-2' },
	{ name: 'KKKNT (Not Declared, VAT Computed)', value: '-1' },
	{ name: 'None (Sales Invoice)', value: 'none' },
];

export const itemFields: INodeProperties[] = [
	{
		displayName: 'Item Name',
		name: 'itemName',
		type: 'string',
		default: '',
		description: 'What was sold; on a note line, the note text',
	},
	{
		displayName: 'Line Type',
		name: 'lineType',
		type: 'options',
		options: [
			{ name: 'Goods or Service', value: 1 },
			{ name: 'Note', value: 4, description: 'Text only' },
			{ name: 'Promotional Item', value: 2, description: 'Free unless given a unit price' },
			{ name: 'Trade Discount', value: 3, description: 'Uses Amount Before Discount and Tax' },
		],
		default: 1,
	},
	{
		displayName: 'Item Code',
		name: 'itemCode',
		type: 'string',
		default: '',
		description: 'Your SKU or code',
	},
	{ displayName: 'Unit', name: 'unit', type: 'string', default: '', placeholder: 'cái' },
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Up to 2 decimals',
	},
	{
		displayName: 'Unit Price',
		name: 'unitPrice',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Price of one unit before tax',
	},
	{
		displayName: 'Tax Rate',
		name: 'taxRate',
		type: 'options',
		options: taxRateOptions,
		default: TAX_RATE_BY_TEMPLATE,
		description:
			'VAT rate; VAT invoices (template 1) need one on every line except notes, sales invoices (template 2) none',
	},
	{
		displayName: 'Discount (%)',
		name: 'discountPercent',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 100 },
		description: 'Discount on this line in percent (SePay: discount_tax); 0 sends none',
	},
	{
		displayName: 'Discount Amount',
		name: 'discountAmount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Discount on this line as money; 0 sends none',
	},
	{
		displayName: 'Amount Before Discount and Tax',
		name: 'beforeDiscountAndTaxAmount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'For a trade-discount line: the amount the discount applies to',
	},
];

const buyerFields: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '' },
	{
		displayName: 'Buyer Code',
		name: 'buyer_code',
		type: 'string',
		default: '',
		description: 'Your customer code',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Where the invoice is sent',
	},
	{
		displayName: 'Legal Name',
		name: 'legal_name',
		type: 'string',
		default: '',
		description: 'Registered company name',
	},
	{
		displayName: 'National ID',
		name: 'national_id',
		type: 'string',
		default: '',
		description: 'Citizen ID (CCCD) of an individual buyer',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{
		displayName: 'Tax Code',
		name: 'tax_code',
		type: 'string',
		default: '',
		description: 'Buyer tax code (MST), sent as given',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Company', value: 'company' },
			{ name: 'Personal', value: 'personal' },
		],
		default: 'company',
	},
];

export const createDescription: INodeProperties[] = [
	{
		displayName: 'Provider Account Name or ID',
		name: 'providerAccountId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProviderAccounts' },
		required: true,
		default: '',
		description:
			'The eInvoice provider account that issues the invoice. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show,
	},
	{
		displayName: 'Template Name or ID',
		name: 'template',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTemplates', loadOptionsDependsOn: ['providerAccountId'] },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Template code and invoice series of the provider account; as an expression write "template code|series", such as 1|C26TAT',
		displayOptions: show,
	},
	{
		displayName: 'Create As',
		name: 'createAs',
		type: 'options',
		options: [
			{
				name: 'Draft',
				value: 'draft',
				description: 'Save a draft to review and issue later; uses no quota',
			},
			{
				name: 'Issued Invoice',
				value: 'issue',
				description: 'Create, sign and send to the tax authority at once; uses one from the quota',
			},
		],
		default: 'draft',
		displayOptions: show,
	},
	{
		displayName: 'Issued Date',
		name: 'issuedDate',
		type: 'dateTime',
		default: '',
		description:
			'Invoice date, Vietnam time (a time without offset is taken as Vietnam time). Empty: now. Must not be before the tax authority approved the provider account.',
		displayOptions: show,
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		options: [
			{ name: 'CAD', value: 'CAD' },
			{ name: 'USD', value: 'USD' },
			{ name: 'VND', value: 'VND' },
		],
		default: 'VND',
		displayOptions: show,
	},
	{
		displayName: 'Payment Method',
		name: 'paymentMethod',
		type: 'options',
		options: [
			{ name: 'Bank Transfer (CK)', value: 'CK' },
			{ name: 'Cash (TM)', value: 'TM' },
			{ name: 'Cash or Bank Transfer (TM/CK)', value: 'TM/CK' },
			{ name: 'Not Set', value: 'none' },
			{ name: 'Other (KHAC)', value: 'KHAC' },
		],
		default: 'CK',
		displayOptions: show,
	},
	{
		displayName: 'Buyer Name',
		name: 'buyerName',
		type: 'string',
		default: '',
		placeholder: 'Công ty TNHH ABC',
		description: 'Buyer or company name printed on the invoice',
		displayOptions: show,
	},
	{
		displayName: 'Buyer Details',
		name: 'buyer',
		type: 'collection',
		placeholder: 'Add Buyer Field',
		default: {},
		options: buyerFields,
		displayOptions: show,
	},
	{
		displayName: 'Items Input',
		name: 'itemsInput',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'One set of fields per invoice line' },
			{
				name: 'JSON',
				value: 'json',
				description:
					"An array of lines with SePay's field names, e.g. generated by an earlier node",
			},
		],
		default: 'fields',
		displayOptions: show,
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Item',
		default: {},
		options: [{ displayName: 'Item', name: 'item', values: itemFields }],
		displayOptions: showWith({ itemsInput: ['fields'] }),
	},
	{
		displayName: 'Items (JSON)',
		name: 'itemsJson',
		type: 'json',
		default:
			'[\n  {\n    "item_name": "Dịch vụ A",\n    "unit": "gói",\n    "quantity": 1,\n    "unit_price": 100000,\n    "tax_rate": 10\n  }\n]',
		description:
			'Array of lines: item_name, line_type (1–4, default 1), item_code, unit, quantity (≤ 2 decimals), unit_price, tax_rate (-2 = KCT, -1 = KKKNT, 0, 5, 8, 10), discount_tax (%), discount_amount, before_discount_and_tax_amount; line_number defaults to the position',
		displayOptions: showWith({ itemsInput: ['json'] }),
	},
	{
		displayName: 'Reference Code',
		name: 'referenceCodeMode',
		type: 'options',
		options: [
			{
				name: 'Derive From Input Item',
				value: 'derive',
				description:
					'A code computed from the input item and the invoice content: the same input always gives the same code',
			},
			{
				name: 'Custom',
				value: 'custom',
				description: 'Your own unique code, such as the payment ID',
			},
		],
		default: 'derive',
		description:
			"SePay's idempotency key: a second invoice with the same code is refused, so a retried workflow never invoices twice",
		displayOptions: show,
	},
	{
		displayName: 'Custom Reference Code',
		name: 'referenceCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'PAY-20260126-0001',
		description: 'Unique in your SePay account; reuse it for retries of the same invoice',
		displayOptions: showWith({ referenceCodeMode: ['custom'] }),
	},
	...waitProperties('create'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				default: '',
				description: 'Note printed on the invoice',
			},
			{
				displayName: 'Total Amount Override',
				name: 'totalAmount',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description:
					'Grand total including tax, a whole number. SePay prints it as given without checking it against the lines; leave unset to let SePay compute it.',
			},
		],
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			pollOptions[0],
			{
				displayName: 'Return Existing on Duplicate',
				name: 'returnExisting',
				type: 'boolean',
				default: true,
				description:
					'Whether to output the invoice that already has this reference code (marked alreadyExisted) instead of stopping when SePay answers 409',
			},
			pollOptions[1],
		],
		displayOptions: show,
	},
];
