import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [
	{ ...userRLC, description: 'The user to deactivate' },
	{
		displayName: 'Notify Admins by Email',
		name: 'sendEmail',
		type: 'boolean',
		default: false,
		description: 'Whether Okta emails the org admins that the user was deactivated',
	},
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['deactivate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await runUserAction.call(this, itemIndex, {
		path: 'lifecycle/deactivate',
		qs: { sendEmail: this.getNodeParameter('sendEmail', itemIndex, false) as boolean },
		outcome: 'deactivated',
		repeat: { statuses: ['DEPROVISIONED'] },
		already: { codes: ['E0000038'], statuses: ['DEPROVISIONED'], outcome: 'alreadyDeactivated' },
	});
}
