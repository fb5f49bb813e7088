import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [
	{ ...userRLC, description: 'The user whose password to expire' },
	{
		displayName: 'Set Temporary Password',
		name: 'temporaryPassword',
		type: 'boolean',
		default: false,
		description:
			'Whether Okta also sets a temporary password and returns it in the output (for a help-desk call); otherwise the current password must be changed at next sign-in',
	},
	{
		displayName: 'Revoke Sessions',
		name: 'revokeSessions',
		type: 'boolean',
		default: true,
		description: "Whether to end all of the user's sessions as well",
		displayOptions: { show: { temporaryPassword: [true] } },
	},
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['expirePassword'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const temporary = this.getNodeParameter('temporaryPassword', itemIndex, false) as boolean;
	const result = await runUserAction.call(this, itemIndex, {
		path: temporary ? 'lifecycle/expire_password_with_temp_password' : 'lifecycle/expire_password',
		qs: temporary ? { revokeSessions: this.getNodeParameter('revokeSessions', itemIndex, true) as boolean } : undefined,
		outcome: 'passwordExpired',
		// A repeat expires the password again; a temporary password from the repeat is the one that works.
		repeat: 'safe',
	});
	if (result.dryRun || temporary) return result;
	// Okta answers with the whole user: keep the outcome and the fields an analyst checks.
	return { outcome: result.outcome, user: result.user, userId: result.id, status: result.status };
}
