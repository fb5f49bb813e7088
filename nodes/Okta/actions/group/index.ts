import type { INodeProperties } from 'n8n-workflow';

import * as addUser from './addUser.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as removeUser from './removeUser.operation';

export { addUser, get, getMany, getMembers, removeUser };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add User',
				value: 'addUser',
				description:
					'Contains or grants, depending on the group: e.g. add to a quarantine group whose policy blocks access. Reverse: Remove User.',
				action: 'Add a user to a group',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Reads: one group by ID or exact name. Changes nothing.',
				action: 'Get a group',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Reads: groups by name, name prefix or a raw search. Changes nothing.',
				action: 'Get many groups',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'Reads: the users in a group. Changes nothing.',
				action: 'Get members of a group',
			},
			{
				name: 'Remove User',
				value: 'removeUser',
				description:
					'Contains or restores, depending on the group: e.g. remove from a VPN or admin group to cut access. Reverse: Add User.',
				action: 'Remove a user from a group',
			},
		],
		default: 'get',
	},
	...addUser.description,
	...get.description,
	...getMany.description,
	...getMembers.description,
	...removeUser.description,
];
