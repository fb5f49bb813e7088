import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { idValue, limitOf } from '../../helpers/fields';
import { TASK_EXPAND, taskItem } from '../../helpers/task';
import { conductorOneAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Subject User ID', name: 'subjectUserId', type: 'string', default: '', description: 'Only tasks about this ConductorOne user; leave empty for all' },
	{
		displayName: 'State',
		name: 'taskState',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Open', value: 'TASK_STATE_OPEN' },
			{ name: 'Closed', value: 'TASK_STATE_CLOSED' },
		],
		default: 'TASK_STATE_OPEN',
	},
	{
		displayName: 'Task Types',
		name: 'taskTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Grant', value: 'grant' },
			{ name: 'Offboarding', value: 'offboarding' },
			{ name: 'Revoke', value: 'revoke' },
		],
		default: [],
		description: 'Only tasks of these types; none selected means every type',
	},
	...returnAllOrLimit({}),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['search'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body: IDataObject = { expandMask: TASK_EXPAND };
	if (String(this.getNodeParameter('subjectUserId', itemIndex, '') ?? '').trim()) body.subjectIds = [idValue.call(this, itemIndex, 'subjectUserId', 'Subject User ID')];
	const state = this.getNodeParameter('taskState', itemIndex, 'TASK_STATE_OPEN') as string;
	if (state !== 'any') body.taskStates = [state];
	const types = this.getNodeParameter('taskTypes', itemIndex, []) as string[];
	if (types.length) body.taskTypes = types.map((type) => ({ [type]: {} }));
	// Each view's paths are resolved against its own page already; taskItem needs no expanded list then.
	const views = await conductorOneAllItems.call(this, { method: 'POST', path: '/api/v1/search/tasks', body, itemIndex }, limitOf.call(this, itemIndex));
	return views.map((view) => taskItem({ taskView: view }));
}
