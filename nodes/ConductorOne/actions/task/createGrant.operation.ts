import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { runContainment } from '../../../shared/containment';
import { dryRun } from '../../../shared/descriptions';
import { accessBody, accessFields } from '../../descriptions/task.description';
import { TASK_EXPAND, maybeWait, waitFields } from '../../helpers/task';
import { conductorOneApiRequest, conductorOneDryRun } from '../../transport';

const properties: INodeProperties[] = [
	...accessFields,
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How long the grant lasts before ConductorOne removes it again; 0 keeps the entitlement’s own setting',
	},
	{
		displayName: 'Emergency Access',
		name: 'emergencyAccess',
		type: 'boolean',
		default: false,
		description: 'Whether to request break-glass access, which skips approval (the entitlement must allow emergency grants)',
	},
	...waitFields,
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['createGrant'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const minutes = this.getNodeParameter('durationMinutes', itemIndex, 0) as number;
	if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
		throw new NodeOperationError(this.getNode(), `Duration (Minutes) "${String(minutes)}" is not a number of minutes`, { itemIndex, description: 'Enter 0 or more minutes, e.g. 60.' });
	}
	const body: IDataObject = {
		...accessBody.call(this, itemIndex),
		...(minutes > 0 ? { grantDuration: `${Math.round(minutes * 60)}s` } : {}),
		...(this.getNodeParameter('emergencyAccess', itemIndex, false) ? { emergencyAccess: true } : {}),
		expandMask: TASK_EXPAND,
	};
	const call = { method: 'POST', path: '/api/v1/task/grant', body, itemIndex } as const;
	return await runContainment.call(this, itemIndex, {
		preview: async () => await conductorOneDryRun.call(this, call),
		act: async () => await maybeWait.call(this, itemIndex, (await conductorOneApiRequest.call(this, call)).body),
	});
}
