import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../../helpers/invalidInput';
import { sepayApiRequest } from '../../transport';
import { requireOAuth2 } from '../authentication';

export const description: INodeProperties[] = [
	{
		displayName: 'Payment Code Formats',
		name: 'paymentCodeFormats',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		placeholder: 'Add Format',
		description:
			'How SePay recognises payment codes (e.g. DH123456) in transfer contents. This list replaces the current one; the first format is the default.',
		displayOptions: { show: { resource: ['company'], operation: ['updateConfigurations'] } },
		options: [
			{
				displayName: 'Format',
				name: 'format',
				values: [
					{
						displayName: 'Active',
						name: 'isActive',
						type: 'boolean',
						default: true,
						description: 'Whether SePay uses this format',
					},
					{
						displayName: 'Character Type',
						name: 'characterType',
						type: 'options',
						default: 'NumberOnly',
						options: [
							{ name: 'Digits Only', value: 'NumberOnly' },
							{ name: 'Letters and Digits', value: 'NumberAndLetter' },
						],
						description: 'Which characters may follow the prefix',
					},
					{
						displayName: 'Prefix',
						name: 'prefix',
						type: 'string',
						default: '',
						placeholder: 'e.g. DH',
						description:
							'Letters or digits the code starts with (up to 10; SePay upper-cases them)',
					},
					{
						displayName: 'Suffix Length From',
						name: 'suffixFrom',
						type: 'number',
						default: 3,
						typeOptions: { minValue: 1, maxValue: 30 },
						description: 'Fewest characters after the prefix (1–30)',
					},
					{
						displayName: 'Suffix Length To',
						name: 'suffixTo',
						type: 'number',
						default: 10,
						typeOptions: { minValue: 1, maxValue: 30 },
						description: 'Most characters after the prefix (1–30)',
					},
				],
			},
		],
	},
];

/** PATCH /company/configurations with `payment_code_formats` (OAuth2 API, scope company). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	requireOAuth2(this, itemIndex, 'Company → Update Configurations');
	const node = this.getNode();
	const raw = this.getNodeParameter('paymentCodeFormats', itemIndex, {}) as IDataObject;
	const formats = ((raw.format ?? []) as IDataObject[]).map((format, index) => {
		const field = (name: string) => ({
			node,
			itemIndex,
			field: `Payment Code Formats → Format ${index + 1} → ${name}`,
		});
		const prefix = String(format.prefix ?? '').trim();
		if (!/^[A-Za-z0-9]{1,10}$/.test(prefix))
			throw invalidInput(field('Prefix'), '1 to 10 letters or digits', format.prefix);
		const from = Number(format.suffixFrom ?? 3);
		const to = Number(format.suffixTo ?? 10);
		if (!Number.isInteger(from) || from < 1 || from > 30)
			throw invalidInput(
				field('Suffix Length From'),
				'a whole number from 1 to 30',
				format.suffixFrom,
			);
		if (!Number.isInteger(to) || to < from || to > 30) {
			throw invalidInput(
				field('Suffix Length To'),
				`a whole number from Suffix Length From (${from}) to 30`,
				format.suffixTo,
			);
		}
		const characterType = String(format.characterType ?? 'NumberOnly');
		if (characterType !== 'NumberOnly' && characterType !== 'NumberAndLetter') {
			throw invalidInput(
				field('Character Type'),
				'NumberOnly or NumberAndLetter',
				format.characterType,
			);
		}
		return {
			prefix,
			suffix_from: from,
			suffix_to: to,
			character_type: characterType,
			is_active: format.isActive !== false,
		};
	});
	if (formats.length === 0)
		throw invalidInput(
			{ node, itemIndex, field: 'Payment Code Formats' },
			'at least one format',
			raw,
		);
	const response = await sepayApiRequest.call(this, 'oAuth2', {
		method: 'PATCH',
		path: '/company/configurations',
		body: { payment_code_formats: formats },
		itemIndex,
	});
	const data = response.data;
	return this.helpers.returnJsonArray(
		typeof data === 'object' && data !== null && !Array.isArray(data)
			? (data as IDataObject)
			: { updated: true },
	);
}
