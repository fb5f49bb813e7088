import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, simplify } from '../../../shared/descriptions';
import { printable } from '../../../shared/validation';
import { stateCode, stateOptions } from '../../helpers/codes';
import { SIMPLIFY_QS, simplifyIncident } from '../../helpers/incident';
import { CORRELATION_ID_LENGTH, andQuery, condition } from '../../helpers/query';
import type { Condition } from '../../helpers/query';
import { displayOptions as recordOutputOptions, outputParams } from '../../descriptions/output.description';
import { snTime } from '../../helpers/time';
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

/** ServiceNow datetimes are `YYYY-MM-DD HH:MM:SS` UTC; anything that is not a date is refused, never sent. */
export function snDateTime(node: INode, value: unknown, label: string, itemIndex: number): string {
	const ms = typeof value === 'string' || typeof value === 'number' ? Date.parse(String(value)) : Number.NaN;
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(node, `${label} "${printable(String(value))}" is not a date`, {
			itemIndex,
			description: `Give ${label} as an ISO date, e.g. 2026-11-30T08:00:00Z, or remove the filter.`,
		});
	}
	return snTime(ms);
}

/**
 * One condition per filter the user added. A filter that was added counts even when its value came out empty: the
 * condition then fails closed with an error (see `queryValue`) instead of being left out and widening the search.
 */
function conditionsFromFilters(this: IExecuteFunctions, filters: IDataObject, itemIndex: number): string[] {
	const node = this.getNode();
	const list: Condition[] = [];
	const add = (key: string, field: string, operator: Condition['operator'], label: string, maxLength?: number) => {
		if (key in filters) list.push({ field, operator, value: filters[key], label, maxLength });
	};
	if (filters.active !== undefined) list.push({ field: 'active', operator: '=', value: filters.active ? 'true' : 'false', label: 'Active Only' });
	add('assignedTo', 'assigned_to', '=', 'Assigned To', 32);
	add('assignmentGroup', 'assignment_group', '=', 'Assignment Group', 32);
	add('assignmentGroupName', 'assignment_group.name', '=', 'Assignment Group Name', 80);
	add('caller', 'caller_id', '=', 'Caller', 32);
	add('category', 'category', '=', 'Category', 40);
	add('correlationId', 'correlation_id', '=', 'Correlation ID', CORRELATION_ID_LENGTH);
	add('correlationPrefix', 'correlation_id', 'STARTSWITH', 'Correlation ID Starts With', CORRELATION_ID_LENGTH);
	add('number', 'number', '=', 'Number', 40);
	add('shortDescription', 'short_description', 'LIKE', 'Short Description Contains', 160);
	if ('states' in filters) {
		const states = Array.isArray(filters.states) ? filters.states : [];
		if (states.length === 0) {
			throw new NodeOperationError(node, 'State has no value', { itemIndex, description: 'Pick at least one state, or remove the State filter.' });
		}
		list.push({ field: 'state', operator: 'IN', value: states.map((s) => stateCode(node, s, itemIndex)), label: 'State' });
	}
	if ('openedAfter' in filters) list.push({ field: 'opened_at', operator: '>', value: snDateTime(node, filters.openedAfter, 'Opened After', itemIndex), label: 'Opened After' });
	if ('updatedAfter' in filters) list.push({ field: 'sys_updated_on', operator: '>', value: snDateTime(node, filters.updatedAfter, 'Updated After', itemIndex), label: 'Updated After' });
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
