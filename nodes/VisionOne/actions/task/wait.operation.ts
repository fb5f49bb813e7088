import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { awaitTasks, taskIdParameter } from '../../helpers/tasks';
import { taskIdField } from './fields';

const properties: INodeProperties[] = [
	taskIdField,
	{
		displayName: 'Max Wait (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600 },
		default: 60,
		description: 'How long to wait; a task still queued or running then is returned as it stands with finished false',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['wait'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = decodeURIComponent(taskIdParameter.call(this, itemIndex));
	const budgetMs = (this.getNodeParameter('waitSeconds', itemIndex, 60) as number) * 1000;
	const [{ task, finished, waitedMs }] = await awaitTasks.call(this, [taskId], budgetMs, itemIndex);
	return { ...task, finished, waitedSeconds: Math.round(waitedMs / 1000) };
}
