import type { INodeProperties } from 'n8n-workflow';

import { responseActionFields } from '../../descriptions/responseAction.description';

/** An account action's fields: the accounts, then those of every response action. */
export function accountActionFields(operation: string, verb: string): INodeProperties[] {
	return responseActionFields('account', operation, [
		{
			displayName: 'Accounts',
			name: 'accounts',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. alice@acme.com, ACME\\bob',
			description: `The accounts to ${verb}: UPNs, DOMAIN\\user names or Okta logins, separated by commas or new lines (or an expression returning a list). All are sent in one request.`,
		},
	]);
}
