import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

/** Option lists loaded from SePay, one function per list (see the files beside this one). */
export const loadOptions: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = {};
