import { resourceLocator } from '../../shared/descriptions';

const SYS_ID = {
	displayName: 'By Sys ID',
	placeholder: 'e.g. 46d44a23a9fe19810012d100cca80666',
	regex: '^[0-9a-f]{32}$',
	errorMessage: 'A sys_id has 32 lowercase hexadecimal characters',
};

/** Alert data names people by email or user name and groups by name: those modes are looked up to a sys_id. */
const USER_MODE = {
	displayName: 'By User Name or Email',
	name: 'user',
	type: 'string' as const,
	placeholder: 'e.g. alice.chen or alice.chen@acme.example',
};
const GROUP_MODE = { displayName: 'By Name', name: 'name', type: 'string' as const, placeholder: 'e.g. Security Operations' };

/** The user who reported the incident (`caller_id`). Empty leaves it unset. */
export const callerRLC = resourceLocator({
	displayName: 'Caller',
	name: 'caller',
	searchListMethod: 'searchUsers',
	description: 'The user who reported the incident',
	modes: [USER_MODE],
	id: SYS_ID,
});

/** The group that works the incident (`assignment_group`), e.g. Security Operations. */
export const assignmentGroupRLC = resourceLocator({
	displayName: 'Assignment Group',
	name: 'assignmentGroup',
	searchListMethod: 'searchGroups',
	description: 'The group that works the incident, e.g. Security Operations',
	modes: [GROUP_MODE],
	id: SYS_ID,
});

/** The analyst working the incident (`assigned_to`). */
export const assignedToRLC = resourceLocator({
	displayName: 'Assigned To',
	name: 'assignedTo',
	searchListMethod: 'searchUsers',
	description: 'The analyst working the incident',
	modes: [USER_MODE],
	id: SYS_ID,
});

/** One incident: picked from open incidents, or given by number or sys_id. */
export const incidentRLC = resourceLocator({
	displayName: 'Incident',
	name: 'incident',
	searchListMethod: 'searchIncidents',
	required: true,
	modes: [{ displayName: 'By Number', name: 'number', type: 'string', placeholder: 'e.g. INC0010001' }],
	id: SYS_ID,
});
