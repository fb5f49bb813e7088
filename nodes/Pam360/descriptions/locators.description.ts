import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/descriptions';

const ID = { placeholder: 'e.g. 1', regex: '^\\d+$', errorMessage: 'A PAM360 ID is a number' };

/** A resource (server, database, device) the token's user owns or that is shared with them. */
export const resourceRLC: INodeProperties = resourceLocator({
	displayName: 'Resource',
	name: 'pamResource',
	searchListMethod: 'searchResources',
	required: true,
	modes: [{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. SOUTH-FIN-WINSERQA-09' }],
	id: ID,
});

/** An account of the chosen resource. */
export const accountRLC: INodeProperties = resourceLocator({
	displayName: 'Account',
	name: 'pamAccount',
	searchListMethod: 'searchAccounts',
	required: true,
	description: 'An account of the resource above',
	modes: [{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. administrator' }],
	id: ID,
});

/** Reason and Ticket ID, recorded by PAM360 with every password fetch or change. */
export const accessFields: INodeProperties[] = [
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		placeholder: 'e.g. Incident INC0010001: rotate after compromise',
		description: 'Why the password is needed; required for accounts set to ask for a reason',
	},
	{
		displayName: 'Ticket ID',
		name: 'ticketId',
		type: 'string',
		default: '',
		placeholder: 'e.g. INC0010001',
		description: 'The ticket this access is for; required for accounts set to need a ticket ID (ticketing integration)',
	},
];
