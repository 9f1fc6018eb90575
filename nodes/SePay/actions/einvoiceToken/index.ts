import type { SePayResource } from '../types';

// Operations of this resource are added here, one file each.
export const einvoiceToken: SePayResource = { description: [], operations: {} };
