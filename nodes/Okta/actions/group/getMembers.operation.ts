import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, simplify } from '../../../shared/descriptions';
import { groupRLC } from '../../descriptions/rlc.description';
import { groupPathSegment } from '../../helpers/group';
import { simplifyUser } from '../../helpers/user';
import { oktaApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{ ...groupRLC, description: 'The group whose members to list' },
	...returnAllOrLimit({}),
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['getMembers'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const group = await groupPathSegment.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const users = await oktaApiRequestAllItems.call(this, `/api/v1/groups/${group}/users`, { limit: Math.min(limit ?? 1000, 1000) }, limit, itemIndex);
	return this.getNodeParameter('simplify', itemIndex, true) ? users.map(simplifyUser) : users;
}
