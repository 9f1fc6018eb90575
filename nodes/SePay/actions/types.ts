import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation: its parameters and what it does for one input item (the router adds pairedItem). */
export interface SePayOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/** One resource: its Operation parameter plus every operation's parameters, and the operations by value. */
export interface SePayResource {
	description: INodeProperties[];
	operations: Record<string, SePayOperation>;
}
