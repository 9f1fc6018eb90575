import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import type { FieldRef } from '../../helpers/invalidInput';
import { invalidInput } from '../../helpers/invalidInput';
import { wholeVnd } from '../../helpers/inputValues';

const show = { resource: ['paymentQr'], operation: ['generate'] };

export const DEFAULT_QR_SERVICE_URL = 'https://qr.sepay.vn/img';

export const description: INodeProperties[] = [
	{
		displayName: 'Account Number',
		name: 'accountNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0071000888888',
		description: 'The bank account (or virtual account) number the customer pays to',
		displayOptions: { show },
	},
	{
		displayName: 'Bank',
		name: 'bank',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Vietcombank',
		description:
			"The bank's short name, code or BIN as SePay knows it (e.g. Vietcombank, VCB, 970436, MBBank)",
		displayOptions: { show },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Amount in VND, a whole number; 0 lets the customer type the amount',
		displayOptions: { show },
	},
	{
		displayName: 'Payment Description',
		name: 'paymentDescription',
		type: 'string',
		default: '',
		placeholder: 'e.g. DH123456',
		description:
			"Transfer content (memo) pre-filled in the customer's banking app; put the order's payment code here so SePay matches the payment",
		displayOptions: { show },
	},
	{
		displayName: 'Download Image',
		name: 'download',
		type: 'boolean',
		default: false,
		description:
			'Whether to also fetch the QR image (PNG) into a binary property, e.g. to send it by email or chat',
		displayOptions: { show },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the QR image in',
		displayOptions: { show: { ...show, download: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'QR Service URL',
				name: 'qrServiceUrl',
				type: 'string',
				default: DEFAULT_QR_SERVICE_URL,
				description: "SePay's QR image service; change it only for a test server",
			},
			{
				displayName: 'Template',
				name: 'template',
				type: 'options',
				default: '',
				options: [
					{ name: 'Compact (QR With Bank Logos)', value: 'compact' },
					{ name: 'Default', value: '' },
					{ name: 'QR Only', value: 'qronly' },
					{ name: 'Standee (Printable Sign)', value: 'standee' },
				],
				description: 'Look of the image',
			},
		],
	},
];

function serviceUrl(raw: unknown, ref: FieldRef): string {
	const text = String(raw ?? '').trim() || DEFAULT_QR_SERVICE_URL;
	try {
		const url = new URL(text);
		if (url.protocol === 'https:' || url.protocol === 'http:') return text.replace(/[?#].*$/, '');
	} catch {
		// reported below
	}
	throw invalidInput(ref, `a full http(s) URL such as ${DEFAULT_QR_SERVICE_URL}`, raw);
}

/**
 * A VietQR image URL from SePay's public QR service (`?acc&bank&amount&des&template`, no
 * credential) and, optionally, the PNG itself as binary data.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const ref = (field: string): FieldRef => ({ node, itemIndex, field });
	const accountNumber = String(this.getNodeParameter('accountNumber', itemIndex, '')).trim();
	if (!/^[A-Za-z0-9]{3,40}$/.test(accountNumber)) {
		throw invalidInput(
			ref('Account Number'),
			'a bank account number: 3 to 40 letters or digits, no spaces',
			accountNumber,
		);
	}
	const bank = String(this.getNodeParameter('bank', itemIndex, '')).trim();
	if (!/^[\p{L}\p{N}][\p{L}\p{N} .&-]{0,49}$/u.test(bank)) {
		throw invalidInput(
			ref('Bank'),
			"the bank's short name, code or BIN, e.g. Vietcombank, VCB or 970436",
			bank,
		);
	}
	const rawAmount = this.getNodeParameter('amount', itemIndex, 0);
	const amount =
		rawAmount === '' || rawAmount === null || rawAmount === undefined
			? 0
			: wholeVnd(rawAmount, ref('Amount'));
	const paymentDescription = String(
		this.getNodeParameter('paymentDescription', itemIndex, '') ?? '',
	).trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const template = String(options.template ?? '');
	if (!['', 'compact', 'qronly', 'standee'].includes(template)) {
		throw invalidInput(ref('Options → Template'), 'compact, qronly, standee or empty', template);
	}
	const base = serviceUrl(options.qrServiceUrl, ref('Options → QR Service URL'));

	const query = new URLSearchParams({ acc: accountNumber, bank });
	if (amount > 0) query.set('amount', String(amount));
	if (paymentDescription) query.set('des', paymentDescription);
	if (template) query.set('template', template);
	const url = `${base}?${query.toString()}`;
	const json: IDataObject = {
		url,
		accountNumber,
		bank,
		amount: amount > 0 ? amount : null,
		paymentDescription: paymentDescription || null,
		template: template || null,
	};
	if (!(this.getNodeParameter('download', itemIndex, false) as boolean)) return [{ json }];

	const binaryPropertyName =
		String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	let response: { body: unknown; headers: IDataObject };
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			json: false,
		})) as { body: unknown; headers: IDataObject };
	} catch (error) {
		throw new NodeApiError(node, error as JsonObject, {
			message: 'Could not fetch the QR image',
			description: `The QR service at ${base} did not return the image. The URL in the output still works for the customer; check Options → QR Service URL.`,
			itemIndex,
		});
	}
	const mimeType =
		String(response.headers['content-type'] ?? 'image/png')
			.split(';')[0]
			.trim() || 'image/png';
	const bytes = response.body as Uint8Array | ArrayBuffer;
	const buffer = Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
	const extension = mimeType === 'image/png' ? 'png' : (mimeType.split('/')[1] ?? 'bin');
	const binary = await this.helpers.prepareBinaryData(
		buffer,
		`vietqr-${accountNumber}.${extension}`,
		mimeType,
	);
	return [{ json, binary: { [binaryPropertyName]: binary } }];
}
