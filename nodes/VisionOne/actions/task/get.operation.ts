import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readTask, taskIdParameter } from '../../helpers/tasks';
import { taskIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [taskIdField] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readTask.call(this, taskIdParameter.call(this, itemIndex), itemIndex);
}
