import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { groupRLC } from '../../descriptions/rlc.description';
import { groupPathSegment, simplifyGroup } from '../../helpers/group';
import { oktaApiRequest } from '../../transport';

const properties: INodeProperties[] = [{ ...groupRLC, description: 'The group to read' }, simplify({})];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const group = await groupPathSegment.call(this, itemIndex);
	const { body } = await oktaApiRequest.call(this, { method: 'GET', path: `/api/v1/groups/${group}`, itemIndex });
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifyGroup(body) : body;
}
