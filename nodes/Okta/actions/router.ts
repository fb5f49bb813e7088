import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executePerItem } from '../../shared/execute';
import type { OktaType } from './node.type';
import * as user from './user';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as OktaType['resource'];
	const operation = this.getNodeParameter('operation', 0);
	const modules = { user } as const;
	const run = (modules[resource] as unknown as Record<string, { execute?: unknown }>)?.[operation]?.execute as
		| ((this: IExecuteFunctions, itemIndex: number) => Promise<never>)
		| undefined;
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	return await executePerItem.call(this, async (itemIndex) => await run.call(this, itemIndex));
}
