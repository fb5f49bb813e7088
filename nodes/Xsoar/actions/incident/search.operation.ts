import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { SEVERITY_OPTIONS, severityValue } from '../../helpers/severity';
import { searchIncidents } from '../../helpers/incident';
import { condition, fieldName, xsoarQuoted } from '../../helpers/query';

const STATUS_OPTIONS = [
	{ name: 'Pending', value: 0 },
	{ name: 'Active', value: 1 },
	{ name: 'Closed', value: 2 },
	{ name: 'Archived', value: 3 },
];

const show = { resource: ['incident'], operation: ['search'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created Within',
				name: 'createdWithin',
				type: 'fixedCollection',
				default: {},
				options: [
					{
						displayName: 'Period',
						name: 'period',
						values: [
							{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { minValue: 1 }, default: 7 },
							{
								displayName: 'Unit',
								name: 'unit',
								type: 'options',
								options: [
									{ name: 'Minutes', value: 'minute' },
									{ name: 'Hours', value: 'hour' },
									{ name: 'Days', value: 'day' },
									{ name: 'Weeks', value: 'week' },
								],
								default: 'day',
							},
						],
					},
				],
			},
			{
				displayName: 'Field Equals',
				name: 'fieldConditions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'Incident or custom field (machine name) equal to a value; values are quoted',
				options: [
					{
						displayName: 'Condition',
						name: 'condition',
						values: [
							{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. externalkey' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Owner', name: 'owner', type: 'string', default: '', placeholder: 'e.g. alice' },
			{
				displayName: 'Raw Query (Sent As Is)',
				name: 'rawQuery',
				type: 'string',
				default: '',
				placeholder: 'e.g. -status:closed and category:"Malware"',
				description: 'XSOAR query language, combined with the other filters by AND; not quoted, so never map alert data into it',
			},
			{ displayName: 'Severities', name: 'severities', type: 'multiOptions', options: SEVERITY_OPTIONS, default: [] },
			{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', options: STATUS_OPTIONS, default: [] },
			{
				displayName: 'Types',
				name: 'types',
				type: 'string',
				default: '',
				placeholder: 'e.g. Phishing, Malware',
				description: 'Comma-separated incident types',
			},
		],
	},
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: [
			{ name: 'Created', value: 'created' },
			{ name: 'ID', value: 'id' },
			{ name: 'Modified', value: 'modified' },
			{ name: 'Occurred', value: 'occurred' },
			{ name: 'Severity', value: 'severity' },
		],
		default: 'created',
	},
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: [
			{ name: 'Newest / Highest First', value: 'desc' },
			{ name: 'Oldest / Lowest First', value: 'asc' },
		],
		default: 'desc',
	},
	...returnAllOrLimit({}),
];

export const description = updateDisplayOptions({ show }, properties);

/** The search filter from the node's filters: structured ones as filter arrays, the rest as quoted query conditions. */
function searchFilter(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter: IDataObject = {};
	const terms: string[] = [];
	if ('statuses' in filters) filter.status = filters.statuses as number[];
	if ('severities' in filters) filter.level = (filters.severities as string[]).map((s) => severityValue(node, s, itemIndex));
	if ('types' in filters) {
		const types = String(filters.types ?? '').split(',').map((t) => t.trim()).filter(Boolean);
		if (!types.length) throw new NodeOperationError(node, 'Types is empty', { itemIndex, description: 'Give at least one incident type, or remove the filter.' });
		filter.type = types;
	}
	if ('owner' in filters) terms.push(condition(node, 'owner', filters.owner, 'Owner', itemIndex));
	for (const entry of ((filters.fieldConditions as IDataObject)?.condition ?? []) as IDataObject[]) {
		const field = fieldName(node, entry.field, 'Field', itemIndex);
		terms.push(`${field}:${xsoarQuoted(node, entry.value, `Field ${field}`, itemIndex)}`);
	}
	if ('rawQuery' in filters) {
		const raw = String(filters.rawQuery ?? '').trim();
		if (!raw) throw new NodeOperationError(node, 'Raw Query is empty', { itemIndex, description: 'Write a query, or remove the filter.' });
		terms.push(raw);
	}
	const period = (filters.createdWithin as IDataObject)?.period as IDataObject | undefined;
	if (period) filter.period = { by: String(period.unit ?? 'day'), fromValue: String(period.amount ?? 7) };
	if (terms.length) filter.query = terms.join(' and ');
	const direction = this.getNodeParameter('sortDirection', itemIndex, 'desc');
	filter.sort = [{ field: this.getNodeParameter('sortBy', itemIndex, 'created') as string, asc: direction === 'asc' }];
	return filter;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filter = searchFilter.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await searchIncidents.call(this, filter, { limit, itemIndex });
}
