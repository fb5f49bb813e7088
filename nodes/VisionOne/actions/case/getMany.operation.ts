import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { allOf, anyOf } from '../../helpers/filter';
import { visionOneListAll } from '../../transport';
import { PRIORITIES } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'External Ticket ID', name: 'externalTicketId', type: 'string', default: '', description: 'The case mirroring this ticket, e.g. a ServiceNow incident number' },
			{ displayName: 'Priorities', name: 'priorities', type: 'multiOptions', default: [], options: PRIORITIES },
			{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', default: [], options: ['Open', 'In-progress', 'Closed'].map((value) => ({ name: value, value })) },
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Forensics', value: 'Forensics' },
					{ name: 'Managed Service', value: 'ManagedService' },
					{ name: 'Others', value: 'Others' },
					{ name: 'ServiceNow (TPIServiceNow)', value: 'TPIServiceNow' },
					{ name: 'Workbench', value: 'Workbench' },
				],
			},
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '', description: 'Only cases updated at or after this time' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const node = this.getNode();
	const filter = allOf(
		'types' in filters ? anyOf(node, itemIndex, 'type', filters.types as unknown[], 'Types') : undefined,
		'priorities' in filters ? anyOf(node, itemIndex, 'priority', filters.priorities as unknown[], 'Priorities') : undefined,
		'statuses' in filters ? anyOf(node, itemIndex, 'status', filters.statuses as unknown[], 'Statuses') : undefined,
		'externalTicketId' in filters ? anyOf(node, itemIndex, 'externalTicketId', [filters.externalTicketId], 'External Ticket ID') : undefined,
	);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const top = limit === undefined || limit > 50 ? 100 : limit > 10 ? 50 : 10;
	const qs: IDataObject = { top };
	if (typeof filters.updatedAfter === 'string' && filters.updatedAfter) {
		qs.dateTimeTarget = 'updatedDateTime';
		qs.startDateTime = new Date(filters.updatedAfter.endsWith('Z') ? filters.updatedAfter : `${filters.updatedAfter}Z`).toISOString().replace(/\.\d{3}Z$/, 'Z');
	}
	return await visionOneListAll.call(this, { method: 'GET', path: '/v3.0/caseManagement/cases', qs, headers: filter ? { 'TMV1-Filter': filter } : undefined, itemIndex }, { limit, itemIndex });
}
