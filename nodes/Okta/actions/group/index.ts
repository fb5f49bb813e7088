import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as addUser from './addUser.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as removeUser from './removeUser.operation';

export { addUser, get, getMany, getMembers, removeUser };

export const description: INodeProperties[] = [
	operationSelector('group', 'get', [
		{ name: 'Add User', value: 'addUser', action: 'Add a user to a group', effect: 'changes', summary: 'add a user to a group; this contains or grants access depending on the group (e.g. a quarantine group whose policy blocks access)', reverse: 'Remove User' },
		{ name: 'Get', value: 'get', action: 'Get a group', effect: 'reads', summary: 'one group by ID or exact name' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many groups', effect: 'reads', summary: 'groups by name, name prefix or a raw search' },
		{ name: 'Get Members', value: 'getMembers', action: 'Get members of a group', effect: 'reads', summary: 'the users in a group' },
		{ name: 'Remove User', value: 'removeUser', action: 'Remove a user from a group', effect: 'changes', summary: 'remove a user from a group; this cuts or gives back access depending on the group (e.g. a VPN or admin group)', reverse: 'Add User' },
	]),
	...addUser.description,
	...get.description,
	...getMany.description,
	...getMembers.description,
	...removeUser.description,
];
