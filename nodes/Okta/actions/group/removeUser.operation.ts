import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { groupRLC, userRLC } from '../../descriptions/rlc.description';
import { groupPathSegment } from '../../helpers/group';
import { resolveUserId } from '../../helpers/user';
import { oktaApiRequest, oktaDryRun } from '../../transport';

const properties: INodeProperties[] = [
	{ ...groupRLC, description: 'The group to remove the user from' },
	{ ...userRLC, description: 'The user to remove' },
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['removeUser'] } }, properties);

/** Okta answers 204 whether or not the membership changed, so the call is safe to repeat. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const group = await groupPathSegment.call(this, itemIndex);
	const user = await resolveUserId.call(this, itemIndex);
	const call = { method: 'DELETE', path: `/api/v1/groups/${group}/users/${user}`, itemIndex } as const;
	if (this.getNodeParameter('dryRun', itemIndex, false)) return await oktaDryRun.call(this, call);
	await oktaApiRequest.call(this, call);
	return { outcome: 'removed', groupId: decodeURIComponent(group), userId: decodeURIComponent(user) };
}
