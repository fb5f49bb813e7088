import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runContainment } from '../../../shared/containment';
import { dryRun } from '../../../shared/descriptions';
import { taskIdField } from '../../descriptions/task.description';
import { idSegment } from '../../helpers/fields';
import { TASK_EXPAND, outcomeOf, readTask, taskItem, taskMoved } from '../../helpers/task';
import { conductorOneApiRequest, conductorOneDryRun } from '../../transport';

const properties: INodeProperties[] = [taskIdField, { displayName: 'Comment', name: 'comment', type: 'string', default: '', description: 'Why the request is denied, shown to the requester' }, dryRun({})];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['deny'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idSegment.call(this, itemIndex, 'taskId', 'Task ID');
	const taskId = decodeURIComponent(id);
	const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
	const call = { method: 'POST', path: `/api/v1/tasks/${id}/action/deny`, body: { ...(comment ? { comment } : {}), expandMask: TASK_EXPAND }, itemIndex } as const;
	return await runContainment.call(this, itemIndex, {
		preview: async () => await conductorOneDryRun.call(this, call),
		act: async () => {
			const denied = (task: IDataObject) => outcomeOf(task) === 'denied';
			const response = await conductorOneApiRequest.call(this, { ...call, confirm: taskMoved.call(this, taskId, itemIndex, denied) });
			return taskItem(response.body);
		},
		// A task that is already denied is reported as such; one that was approved or is closed otherwise stays an error.
		whenRefused: async () => {
			const current = await readTask.call(this, taskId, itemIndex);
			const item = taskItem(current);
			return item.outcome === 'denied' ? { ...item, outcome: 'alreadyDenied' } : undefined;
		},
	});
}
