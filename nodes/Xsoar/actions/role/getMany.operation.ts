import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { allRoles } from '../../helpers/directory';

export const description = updateDisplayOptions({ show: { resource: ['role'], operation: ['getMany'] } }, returnAllOrLimit({}));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const roles = await allRoles.call(this, itemIndex);
	return this.getNodeParameter('returnAll', itemIndex, false) ? roles : roles.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
}
