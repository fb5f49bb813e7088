import type { INodeProperties } from 'n8n-workflow';

/** Pick a user from a searchable list, or give a login or an Okta user ID. */
export const userRLC: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchUsers', searchable: true },
		},
		{
			displayName: 'By Login',
			name: 'login',
			type: 'string',
			placeholder: 'e.g. alice@acme.com',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 00u1abcdEFGHijklm697',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[0-9A-Za-z]{20}$', errorMessage: 'An Okta user ID has 20 letters and digits' },
				},
			],
		},
	],
};

/** Pick a group from a searchable list, or give its exact name or its Okta group ID. */
export const groupRLC: INodeProperties = {
	displayName: 'Group',
	name: 'group',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchGroups', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Quarantine',
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 00g1abcdEFGHijklm697',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[0-9A-Za-z]{20}$', errorMessage: 'An Okta group ID has 20 letters and digits' },
				},
			],
		},
	],
};
