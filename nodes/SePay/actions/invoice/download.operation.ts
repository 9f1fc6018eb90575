import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { einvoiceApiRequest } from '../../transport';
import { trackingCodeProperty } from './fields';
import { requiredCode } from './model/requiredCode';

const show = { show: { resource: ['invoice'], operation: ['download'] } };
const MIME_TYPES: Record<string, string> = { pdf: 'application/pdf', xml: 'application/xml' };

export const description: INodeProperties[] = [
	trackingCodeProperty(
		['download'],
		"Tracking code of the issued invoice (output by Create and Issue); SePay's examples also accept the reference code",
	),
	{
		displayName: 'File Type',
		name: 'fileType',
		type: 'options',
		options: [
			{ name: 'PDF', value: 'pdf' },
			{ name: 'XML', value: 'xml', description: 'The signed XML sent to the tax authority' },
		],
		default: 'pdf',
		displayOptions: show,
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: show,
	},
];

/** GET /v1/invoices/{tracking_code}/download?type=pdf|xml: SePay's base64 file into a binary property. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const trackingCode = requiredCode(this, 'trackingCode', itemIndex);
	const fileType = this.getNodeParameter('fileType', itemIndex, 'pdf') as string;
	const property =
		String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const body = await einvoiceApiRequest.call(this, {
		method: 'GET',
		path: `/invoices/${encodeURIComponent(trackingCode)}/download`,
		qs: { type: fileType },
		itemIndex,
	});
	const data = (body.data ?? {}) as IDataObject;
	const content = typeof data.content === 'string' ? data.content.replace(/\s+/g, '') : '';
	if (!content || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(content)) {
		throw new NodeOperationError(
			this.getNode(),
			`SePay returned no ${fileType.toUpperCase()} content for ${trackingCode}`,
			{
				itemIndex,
				description: 'Files exist only for issued invoices. Check the invoice with Invoice → Get.',
			},
		);
	}
	const bytes = Buffer.from(content, 'base64');
	// SePay's name as given, without any directory part.
	const given = String(data.file_name ?? '')
		.split(/[\\/]/)
		.pop()
		?.trim();
	const fileName = given || `${trackingCode}.${fileType}`;
	const binary = await this.helpers.prepareBinaryData(
		bytes,
		fileName,
		MIME_TYPES[fileType] ?? 'application/octet-stream',
	);
	return [
		{
			json: {
				tracking_code: trackingCode,
				file_name: fileName,
				file_type: data.file_type ?? fileType,
				file_size: bytes.length,
			},
			binary: { [property]: binary },
		},
	];
}
