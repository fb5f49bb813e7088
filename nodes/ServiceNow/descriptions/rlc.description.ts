import type { INodeProperties } from 'n8n-workflow';

const SYS_ID_MODE = {
	displayName: 'By Sys ID',
	name: 'id',
	type: 'string' as const,
	placeholder: 'e.g. 46d44a23a9fe19810012d100cca80666',
	validation: [
		{
			type: 'regex' as const,
			properties: { regex: '^[0-9a-f]{32}$', errorMessage: 'A sys_id has 32 lowercase hexadecimal characters' },
		},
	],
};

/** Alert data names people by email or user name and groups by name: those modes are looked up to a sys_id. */
const USER_MODE = {
	displayName: 'By User Name or Email',
	name: 'user',
	type: 'string' as const,
	placeholder: 'e.g. alice.chen or alice.chen@acme.example',
};
const GROUP_MODE = { displayName: 'By Name', name: 'name', type: 'string' as const, placeholder: 'e.g. Security Operations' };

function referenceLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
	byName: typeof USER_MODE | typeof GROUP_MODE,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			byName,
			SYS_ID_MODE,
		],
	};
}

/** The user who reported the incident (`caller_id`). Empty leaves it unset. */
export const callerRLC = referenceLocator('Caller', 'caller', 'searchUsers', 'The user who reported the incident', USER_MODE);

/** The group that works the incident (`assignment_group`), e.g. Security Operations. */
export const assignmentGroupRLC = referenceLocator(
	'Assignment Group',
	'assignmentGroup',
	'searchGroups',
	'The group that works the incident, e.g. Security Operations',
	GROUP_MODE,
);

/** The analyst working the incident (`assigned_to`). */
export const assignedToRLC = referenceLocator('Assigned To', 'assignedTo', 'searchUsers', 'The analyst working the incident', USER_MODE);

/** One incident: picked from open incidents, or given by number or sys_id. */
export const incidentRLC: INodeProperties = {
	displayName: 'Incident',
	name: 'incident',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchIncidents', searchable: true },
		},
		{
			displayName: 'By Number',
			name: 'number',
			type: 'string',
			placeholder: 'e.g. INC0010001',
		},
		SYS_ID_MODE,
	],
};
