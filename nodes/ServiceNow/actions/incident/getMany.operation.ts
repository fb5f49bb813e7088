import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, simplify } from '../../../shared/descriptions';
import { stateCode, stateOptions } from '../../helpers/codes';
import { SIMPLIFY_QS, simplifyIncident } from '../../helpers/incident';
import { andQuery, condition } from '../../helpers/query';
import type { Condition } from '../../helpers/query';
import { displayOptions as recordOutputOptions, outputParams } from '../../descriptions/output.description';
import { serviceNowApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	{
		displayName: 'Filter By',
		name: 'filterBy',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Conditions built safely from the values you give' },
			{
				name: 'Encoded Query',
				value: 'query',
				description: 'A ServiceNow encoded query you write yourself (trusted input only)',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { filterBy: ['fields'] } },
		options: [
			{ displayName: 'Active Only', name: 'active', type: 'boolean', default: true, description: 'Whether to return only active incidents' },
			{ displayName: 'Assigned To (Sys ID)', name: 'assignedTo', type: 'string', default: '' },
			{ displayName: 'Assignment Group (Sys ID)', name: 'assignmentGroup', type: 'string', default: '' },
			{ displayName: 'Assignment Group Name', name: 'assignmentGroupName', type: 'string', default: '', placeholder: 'e.g. Security Operations' },
			{ displayName: 'Caller (Sys ID)', name: 'caller', type: 'string', default: '' },
			{ displayName: 'Category', name: 'category', type: 'string', default: '' },
			{ displayName: 'Correlation ID', name: 'correlationId', type: 'string', default: '' },
			{ displayName: 'Correlation ID Starts With', name: 'correlationPrefix', type: 'string', default: '' },
			{ displayName: 'Number', name: 'number', type: 'string', default: '', placeholder: 'e.g. INC0010001' },
			{ displayName: 'Opened After', name: 'openedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Short Description Contains', name: 'shortDescription', type: 'string', default: '' },
			{ displayName: 'State', name: 'states', type: 'multiOptions', options: stateOptions, default: [] },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
		],
	},
	{
		displayName: 'Encoded Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. active=true^priority<=2^ORDERBYDESCsys_created_on',
		description: 'Sent as written; do not build it from alert data (use Filter By: Fields for that)',
		displayOptions: { show: { filterBy: ['query'] } },
	},
	simplify({}),
	...recordOutputOptions({ simplify: [false] }),
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['getMany'] } }, properties);

/** ServiceNow datetimes are `YYYY-MM-DD HH:MM:SS` UTC. */
export function snDateTime(value: unknown): string {
	const ms = Date.parse(String(value));
	return Number.isNaN(ms) ? String(value) : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function conditionsFromFilters(this: IExecuteFunctions, filters: IDataObject, itemIndex: number): string[] {
	const node = this.getNode();
	const list: Condition[] = [];
	const add = (field: string, operator: Condition['operator'], value: unknown, label: string) => {
		if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) list.push({ field, operator, value, label });
	};
	if (filters.active !== undefined) add('active', '=', filters.active ? 'true' : 'false', 'Active Only');
	add('assigned_to', '=', filters.assignedTo, 'Assigned To');
	add('assignment_group', '=', filters.assignmentGroup, 'Assignment Group');
	add('assignment_group.name', '=', filters.assignmentGroupName, 'Assignment Group Name');
	add('caller_id', '=', filters.caller, 'Caller');
	add('category', '=', filters.category, 'Category');
	add('correlation_id', '=', filters.correlationId, 'Correlation ID');
	add('correlation_id', 'STARTSWITH', filters.correlationPrefix, 'Correlation ID Starts With');
	add('number', '=', filters.number, 'Number');
	add('short_description', 'LIKE', filters.shortDescription, 'Short Description Contains');
	if (Array.isArray(filters.states) && filters.states.length > 0) {
		add('state', 'IN', filters.states.map((s) => stateCode(node, s, itemIndex)), 'State');
	}
	if (filters.openedAfter) add('opened_at', '>', snDateTime(filters.openedAfter), 'Opened After');
	if (filters.updatedAfter) add('sys_updated_on', '>', snDateTime(filters.updatedAfter), 'Updated After');
	return list.map((c) => condition(node, c, itemIndex));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filterBy = this.getNodeParameter('filterBy', itemIndex, 'fields') as string;
	const raw = filterBy === 'query' ? String(this.getNodeParameter('query', itemIndex, '')) : '';
	const conditions =
		filterBy === 'fields' ? conditionsFromFilters.call(this, this.getNodeParameter('filters', itemIndex, {}) as IDataObject, itemIndex) : [];
	// A stable order keeps offset pages from overlapping; the user's own ORDERBY (raw query) comes first.
	const sysparmQuery = andQuery(raw, conditions, ['ORDERBYnumber']);
	const simplified = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const qs: IDataObject = { sysparm_query: sysparmQuery, ...(simplified ? SIMPLIFY_QS : outputParams.call(this, itemIndex)) };
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const records = await serviceNowApiRequestAllItems.call(this, '/api/now/table/incident', qs, limit, itemIndex);
	return simplified ? records.map(simplifyIncident) : records;
}
