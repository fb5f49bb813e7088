import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { simplifyGroup } from '../../helpers/group';
import { userPathSegment } from '../../helpers/user';
import { oktaApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [{ ...userRLC, description: 'The user whose groups to list' }, simplify({})];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getGroups'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = userPathSegment.call(this, itemIndex);
	const groups = await oktaApiRequestAllItems.call(this, `/api/v1/users/${user}/groups`, {}, undefined, itemIndex);
	return this.getNodeParameter('simplify', itemIndex, true) ? groups.map(simplifyGroup) : groups;
}
