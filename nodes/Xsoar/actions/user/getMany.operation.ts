import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { allUsers } from '../../helpers/directory';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getMany'] } }, returnAllOrLimit({}));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const users = await allUsers.call(this, itemIndex);
	return this.getNodeParameter('returnAll', itemIndex, false) ? users : users.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
