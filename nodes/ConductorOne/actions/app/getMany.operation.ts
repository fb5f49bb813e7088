import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitOf } from '../../helpers/fields';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [...returnAllOrLimit({})];

export const description = updateDisplayOptions({ show: { resource: ['app'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await conductorOneAllItems.call(this, { method: 'GET', path: '/api/v1/apps', itemIndex }, limitOf.call(this, itemIndex));
}
