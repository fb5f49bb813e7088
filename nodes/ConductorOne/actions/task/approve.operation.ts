import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskIdField } from '../../descriptions/task.description';
import { idSegment } from '../../helpers/fields';
import { TASK_EXPAND, maybeWait, taskMoved, waitFields } from '../../helpers/task';
import { conductorOneApiRequest } from '../../transport';

const properties: INodeProperties[] = [taskIdField, { displayName: 'Comment', name: 'comment', type: 'string', default: '', description: 'Why the request is approved, for the audit trail' }, ...waitFields];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['approve'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idSegment.call(this, itemIndex, 'taskId', 'Task ID');
	const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
	const { body } = await conductorOneApiRequest.call(this, {
		method: 'POST',
		path: `/api/v1/tasks/${id}/action/approve`,
		body: { ...(comment ? { comment } : {}), expandMask: TASK_EXPAND },
		// An approval whose answer was lost landed if the task no longer waits for one.
		confirm: taskMoved.call(this, decodeURIComponent(id), itemIndex, (task) => task.processing !== 'TASK_PROCESSING_TYPE_WAITING'),
		itemIndex,
	});
	return await maybeWait.call(this, itemIndex, body);
}
