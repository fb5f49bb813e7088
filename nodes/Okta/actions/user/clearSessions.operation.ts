import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [
	{ ...userRLC, description: 'The user to sign out everywhere' },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Forget Devices',
				name: 'forgetDevices',
				type: 'boolean',
				default: true,
				description: 'Whether Okta also forgets the devices the user chose to remember, so the next sign-in asks for MFA',
			},
			{
				displayName: 'Revoke OAuth Tokens',
				name: 'oauthTokens',
				type: 'boolean',
				default: true,
				description: 'Whether to also revoke the OpenID Connect and OAuth access and refresh tokens issued to the user',
			},
		],
	},
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['clearSessions'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { oauthTokens?: boolean; forgetDevices?: boolean };
	return await runUserAction.call(this, itemIndex, {
		path: 'sessions',
		method: 'DELETE',
		qs: { oauthTokens: options.oauthTokens ?? true, forgetDevices: options.forgetDevices ?? true },
		outcome: 'sessionsCleared',
	});
}
