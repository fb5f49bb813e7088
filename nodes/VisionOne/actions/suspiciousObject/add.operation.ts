import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { blockListFields, runBlockList } from './fields';

export const description = blockListFields('add', 'add to the block list');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runBlockList.call(this, itemIndex, true);
}
