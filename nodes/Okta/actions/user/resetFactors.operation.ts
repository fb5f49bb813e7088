import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRun } from '../../../shared/descriptions';
import { userRLC } from '../../descriptions/rlc.description';
import { runUserAction } from '../../helpers/lifecycle';

const properties: INodeProperties[] = [{ ...userRLC, description: 'The user whose MFA factors to reset' }, dryRun({})];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['resetFactors'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await runUserAction.call(this, itemIndex, { path: 'lifecycle/reset_factors', outcome: 'factorsReset', repeat: 'safe' });
}
