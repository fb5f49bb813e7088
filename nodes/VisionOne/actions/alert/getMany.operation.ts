import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, simplify } from '../../../shared/descriptions';
import { isoSeconds, simplifyAlert, visionOneDate } from '../../helpers/alert';
import { alertFilter } from '../../helpers/filter';
import { visionOneListAll } from '../../transport';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const STATUSES = ['Open', 'In Progress', 'Closed'];

export const alertFilterOptions: INodeProperties[] = [
	{ displayName: 'Entity Value', name: 'entityValue', type: 'string', default: '', description: 'Alerts whose impact scope names exactly this account, host, IP or email address' },
	{ displayName: 'Entity Value Contains', name: 'entityValueContains', type: 'string', default: '', description: 'Alerts whose impact scope holds an entity containing this text' },
	{ displayName: 'Indicator Value', name: 'indicatorValue', type: 'string', default: '', description: 'Alerts with this indicator (IP, domain, hash, command line)' },
	{ displayName: 'Model', name: 'model', type: 'string', default: '', description: 'The detection model name, exactly, e.g. Credential Dumping via Registry' },
	{ displayName: 'Model ID', name: 'modelId', type: 'string', default: '', description: 'The detection model ID' },
	{
		displayName: 'Raw TMV1-Filter (Unescaped)',
		name: 'rawFilter',
		type: 'string',
		default: '',
		placeholder: "e.g. contains(impactScopeEntityValue,'nimda')",
		description: 'A TMV1-Filter expression sent as typed, combined with the other filters by "and". Never map item data into it: use the fields above, which quote values safely.',
	},
	{ displayName: 'Severities', name: 'severities', type: 'multiOptions', default: [], options: SEVERITIES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })) },
	{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', default: [], options: STATUSES.map((value) => ({ name: value, value })) },
];

const properties: INodeProperties[] = [
	{ displayName: 'Start Time', name: 'startDateTime', type: 'dateTime', default: '', description: 'The window start (UTC); empty means 24 hours ago' },
	{ displayName: 'End Time', name: 'endDateTime', type: 'dateTime', default: '', description: 'The window end (UTC); empty means now' },
	{
		displayName: 'Date Target',
		name: 'dateTimeTarget',
		type: 'options',
		default: 'createdDateTime',
		description: 'Which time of the alert the window applies to',
		options: [
			{ name: 'Created', value: 'createdDateTime' },
			{ name: 'First Investigated', value: 'firstInvestigatedDateTime' },
			{ name: 'Updated', value: 'updatedDateTime' },
		],
	},
	{
		displayName: 'Order',
		name: 'orderBy',
		type: 'options',
		default: 'createdDateTime desc',
		options: [
			{ name: 'Newest Created First', value: 'createdDateTime desc' },
			{ name: 'Oldest Created First', value: 'createdDateTime asc' },
			{ name: 'Most Recently Updated First', value: 'updatedDateTime desc' },
			{ name: 'Highest Score First', value: 'score desc' },
		],
	},
	{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: alertFilterOptions },
	...returnAllOrLimit({}),
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['alert'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const start = this.getNodeParameter('startDateTime', itemIndex, '') as string;
	const end = this.getNodeParameter('endDateTime', itemIndex, '') as string;
	const now = Date.now();
	const filter = alertFilter(this.getNode(), this.getNodeParameter('filters', itemIndex, {}) as IDataObject, itemIndex);
	const qs = {
		startDateTime: start ? visionOneDate.call(this, start, 'Start Time', itemIndex) : isoSeconds(now - 24 * 3_600_000),
		endDateTime: end ? visionOneDate.call(this, end, 'End Time', itemIndex) : isoSeconds(now),
		dateTimeTarget: this.getNodeParameter('dateTimeTarget', itemIndex, 'createdDateTime') as string,
		orderBy: this.getNodeParameter('orderBy', itemIndex, 'createdDateTime desc') as string,
	};
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const alerts = await visionOneListAll.call(
		this,
		{ method: 'GET', path: '/v3.0/workbench/alerts', qs, headers: filter ? { 'TMV1-Filter': filter } : undefined, itemIndex },
		{ limit, itemIndex },
	);
	return this.getNodeParameter('simplify', itemIndex, true) ? alerts.map(simplifyAlert) : alerts;
}
