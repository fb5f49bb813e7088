import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { allOf, anyOf } from '../../helpers/filter';
import { visionOneListAll } from '../../transport';

const ACTIONS = ['disableAccount', 'enableAccount', 'forceSignOut', 'resetPassword', 'isolate', 'restoreIsolate', 'block', 'restoreBlock'];
const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'rejected', 'canceled', 'pendingApproval'];

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Account', name: 'account', type: 'string', default: '', description: 'Tasks acting on this account (exact)' },
			{ displayName: 'Actions', name: 'actions', type: 'multiOptions', default: [], options: ACTIONS.map((value) => ({ name: value, value })) },
			{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', default: [], options: STATUSES.map((value) => ({ name: value, value })) },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const node = this.getNode();
	const filter = allOf(
		'account' in filters ? anyOf(node, itemIndex, 'account', [filters.account], 'Account') : undefined,
		'actions' in filters ? anyOf(node, itemIndex, 'action', filters.actions as unknown[], 'Actions') : undefined,
		'statuses' in filters ? anyOf(node, itemIndex, 'status', filters.statuses as unknown[], 'Statuses') : undefined,
	);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const top = limit === undefined || limit > 100 ? 200 : limit > 50 ? 100 : 50;
	return await visionOneListAll.call(this, { method: 'GET', path: '/v3.0/response/tasks', qs: { top, ...(filter ? { filter } : {}) }, itemIndex }, { limit, itemIndex });
}
