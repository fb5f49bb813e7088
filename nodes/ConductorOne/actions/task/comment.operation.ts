import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskIdField } from '../../descriptions/task.description';
import { idSegment, searchText } from '../../helpers/fields';
import { TASK_EXPAND, taskItem } from '../../helpers/task';
import { conductorOneApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	taskIdField,
	{ displayName: 'Comment', name: 'comment', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, placeholder: 'e.g. Revoked as part of INC-1234' },
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['comment'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idSegment.call(this, itemIndex, 'taskId', 'Task ID');
	const comment = searchText(this.getNode(), this.getNodeParameter('comment', itemIndex, ''), 'Comment', itemIndex);
	const { body } = await conductorOneApiRequest.call(this, { method: 'POST', path: `/api/v1/tasks/${id}/action/comment`, body: { comment, expandMask: TASK_EXPAND }, itemIndex });
	return taskItem(body, { comment });
}
