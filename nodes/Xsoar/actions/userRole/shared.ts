import type { INodeProperties } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';

export function userRoleFields(operation: string): INodeProperties[] {
	const show = { resource: ['userRole'], operation: [operation] };
	return [
		{ displayName: 'User', name: 'user', type: 'string', default: '', required: true, placeholder: 'e.g. alice', description: 'The user\'s ID or user name', displayOptions: { show } },
		{ displayName: 'Role', name: 'role', type: 'string', default: '', required: true, placeholder: 'e.g. Analyst', description: 'The role\'s name', displayOptions: { show } },
		dryRun(show),
	];
}
