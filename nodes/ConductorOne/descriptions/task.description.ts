import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, idValue } from '../helpers/fields';

/** Which entitlement of which app, for whom: a ConductorOne user (their account in the app) or one app account. */
export const accessFields: INodeProperties[] = [
	idField('appId', 'App ID', 'The app the entitlement belongs to'),
	idField('entitlementId', 'Entitlement ID', 'The entitlement (role, group, permission); find it with Grant → Search or Entitlement → Search'),
	{
		displayName: 'For',
		name: 'subjectType',
		type: 'options',
		options: [
			{ name: 'User', value: 'user', description: 'A ConductorOne user: their account in the app' },
			{ name: 'App Account', value: 'appUser', description: 'One account in the app (e.g. a service account)' },
		],
		default: 'user',
	},
	{ displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true, displayOptions: { show: { subjectType: ['user'] } } },
	{ displayName: 'App User ID', name: 'appUserId', type: 'string', default: '', required: true, displayOptions: { show: { subjectType: ['appUser'] } } },
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', placeholder: 'e.g. INC-1234 compromised account', description: 'Shown on the task to approvers and in the audit trail' },
];

export function accessBody(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const subject =
		this.getNodeParameter('subjectType', itemIndex, 'user') === 'appUser'
			? { appUserId: idValue.call(this, itemIndex, 'appUserId', 'App User ID') }
			: { identityUserId: idValue.call(this, itemIndex, 'userId', 'User ID') };
	const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
	return {
		appId: idValue.call(this, itemIndex, 'appId', 'App ID'),
		appEntitlementId: idValue.call(this, itemIndex, 'entitlementId', 'Entitlement ID'),
		...subject,
		...(reason ? { description: reason } : {}),
	};
}

export const taskIdField = idField('taskId', 'Task ID', 'The task (grant, revoke or offboarding request), e.g. from a Create operation');
