import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [
	{ ...userRLC, description: 'The user whose password to reset' },
	{
		displayName: 'Delivery',
		name: 'delivery',
		type: 'options',
		options: [
			{ name: 'Email the User', value: 'email', description: 'Okta emails a reset link to the user' },
			{
				name: 'Return a One-Time Link',
				value: 'link',
				description: 'The reset link is returned in the output, for delivery through a verified channel',
			},
		],
		default: 'email',
	},
	{
		displayName: 'Revoke Sessions',
		name: 'revokeSessions',
		type: 'boolean',
		default: true,
		description: "Whether to end all of the user's sessions as well",
	},
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['resetPassword'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sendEmail = this.getNodeParameter('delivery', itemIndex, 'email') === 'email';
	return await runUserAction.call(this, itemIndex, {
		path: 'lifecycle/reset_password',
		qs: { sendEmail, revokeSessions: this.getNodeParameter('revokeSessions', itemIndex, true) as boolean },
		outcome: 'passwordReset',
		// A repeat only issues a new reset (the earlier link stops working), and hands back the link that works.
		repeat: 'safe',
	});
}
