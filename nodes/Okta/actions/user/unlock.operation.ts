import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [{ ...userRLC, description: 'The user to unlock' }, dryRun({})];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['unlock'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await runUserAction.call(this, itemIndex, {
		path: 'lifecycle/unlock',
		outcome: 'unlocked',
		repeat: { statuses: ['ACTIVE'] },
		already: { codes: ['E0000038'], statuses: ['ACTIVE'], outcome: 'notLockedOut' },
	});
}
