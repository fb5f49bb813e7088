import { resourceLocator } from '../../shared/descriptions';

const OKTA_ID = '^[0-9A-Za-z]{20}$';

/** Pick a user from a searchable list, or give a login or an Okta user ID. */
export const userRLC = resourceLocator({
	displayName: 'User',
	name: 'user',
	searchListMethod: 'searchUsers',
	required: true,
	modes: [{ displayName: 'By Login', name: 'login', type: 'string', placeholder: 'e.g. alice@acme.com' }],
	id: { placeholder: 'e.g. 00u1abcdEFGHijklm697', regex: OKTA_ID, errorMessage: 'An Okta user ID has 20 letters and digits' },
});

/** Pick a group from a searchable list, or give its exact name or its Okta group ID. */
export const groupRLC = resourceLocator({
	displayName: 'Group',
	name: 'group',
	searchListMethod: 'searchGroups',
	required: true,
	modes: [{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Quarantine' }],
	id: { placeholder: 'e.g. 00g1abcdEFGHijklm697', regex: OKTA_ID, errorMessage: 'An Okta group ID has 20 letters and digits' },
});
