import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isolationFields, runIsolation } from './fields';

export const description = isolationFields('restore', 'restore the network connection of');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runIsolation.call(this, itemIndex, false);
}
