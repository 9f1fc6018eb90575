import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getBankAccounts } from './getBankAccounts';
import { getProviderAccounts } from './getProviderAccounts';
import { getTemplates } from './getTemplates';
import { getVaPrefixes, getVaTerminals } from './getVaOrderOptions';

/** Option lists loaded from SePay, one function per list (see the files beside this one). */
export const loadOptions: Record<
	string,
	(this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>
> = {
	getBankAccounts,
	getProviderAccounts,
	getTemplates,
	getVaPrefixes,
	getVaTerminals,
};
