import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { simplifyUser, userPathSegment } from '../../helpers/user';
import { oktaApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...userRLC, description: 'The user to read' },
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const user = userPathSegment.call(this, itemIndex);
	const { body } = await oktaApiRequest.call(this, { method: 'GET', path: `/api/v1/users/${user}`, itemIndex });
	return this.getNodeParameter('simplify', itemIndex, true) ? simplifyUser(body) : body;
}
