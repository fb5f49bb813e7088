import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as addRole from './addRole.operation';
import * as removeRole from './removeRole.operation';

export { addRole, removeRole };

export const description: INodeProperties[] = [
	operationSelector('userRole', 'removeRole', [
		{ name: 'Add Role', value: 'addRole', action: 'Add a role to a user', effect: 'restores', summary: 'grant a role to a user, keeping the user\'s other roles', reverse: 'Remove Role' },
		{ name: 'Remove Role', value: 'removeRole', action: 'Remove a role from a user', effect: 'contains', summary: 'take one role from a user, keeping the user\'s other roles (never the key\'s own user, never the last role)', reverse: 'Add Role' },
	]),
	...addRole.description,
	...removeRole.description,
];
