import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [{ ...userRLC, description: 'The user to suspend' }, dryRun({})];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['suspend'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await runUserAction.call(this, itemIndex, {
		path: 'lifecycle/suspend',
		outcome: 'suspended',
		repeat: { statuses: ['SUSPENDED'] },
		already: { codes: ['E0000038'], statuses: ['SUSPENDED'], outcome: 'alreadySuspended' },
	});
}
