import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [
	{ ...userRLC, description: 'The staged or deactivated user to activate' },
	{
		displayName: 'Send Activation Email',
		name: 'sendEmail',
		type: 'boolean',
		default: true,
		description: 'Whether Okta emails the activation link to the user; when off, the link is returned in the output',
	},
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['activate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await runUserAction.call(this, itemIndex, {
		path: 'lifecycle/activate',
		qs: { sendEmail: this.getNodeParameter('sendEmail', itemIndex, true) as boolean },
		outcome: 'activated',
		repeat: { statuses: ['ACTIVE', 'PROVISIONED'] },
		already: {
			codes: ['E0000016', 'E0000038'],
			statuses: ['ACTIVE', 'PROVISIONED', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT'],
			outcome: 'alreadyActive',
		},
	});
}
