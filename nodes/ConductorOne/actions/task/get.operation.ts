import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskIdField } from '../../descriptions/task.description';
import { idValue } from '../../helpers/fields';
import { maybeWait, readTask, waitFields } from '../../helpers/task';

const properties: INodeProperties[] = [taskIdField, ...waitFields];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = idValue.call(this, itemIndex, 'taskId', 'Task ID');
	return await maybeWait.call(this, itemIndex, await readTask.call(this, taskId, itemIndex));
}
