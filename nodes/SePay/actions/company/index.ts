import type { SePayResource } from '../types';

// Operations of this resource are added here, one file each.
export const company: SePayResource = { description: [], operations: {} };
