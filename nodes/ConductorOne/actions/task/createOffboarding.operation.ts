import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runContainment } from '../../../shared/containment';
import { dryRun } from '../../../shared/descriptions';
import { idField, idValue } from '../../helpers/fields';
import { TASK_EXPAND, maybeWait, waitFields } from '../../helpers/task';
import { conductorOneApiRequest, conductorOneDryRun } from '../../transport';

const properties: INodeProperties[] = [
	idField('userId', 'User ID', 'The ConductorOne user to offboard: every grant they hold is removed'),
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', placeholder: 'e.g. INC-1234 compromised account' },
	...waitFields,
	dryRun({}),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['createOffboarding'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
	const body = { subjectUserId: idValue.call(this, itemIndex, 'userId', 'User ID'), ...(reason ? { description: reason } : {}), expandMask: TASK_EXPAND };
	const call = { method: 'POST', path: '/api/v1/task/offboarding', body, itemIndex } as const;
	return await runContainment.call(this, itemIndex, {
		preview: async () => await conductorOneDryRun.call(this, call),
		act: async () => await maybeWait.call(this, itemIndex, (await conductorOneApiRequest.call(this, call)).body),
	});
}
