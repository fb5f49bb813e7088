import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit, simplify } from '../../../shared/descriptions';
import { normaliseLogEvent } from '../../helpers/logEvent';
import type { LogFilters } from '../../helpers/logQuery';
import { logFilterExpression, withoutEmpty } from '../../helpers/logQuery';
import { oktaApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		description: 'Oldest event to return; Okta defaults to 7 days ago and keeps 90 days',
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		description: 'Events published before this time; defaults to now',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		description: 'Each value is compared with equals and quoted safely, so it may come from alert data',
		options: [
			{ displayName: 'Actor Login', name: 'actorLogin', type: 'string', default: '', placeholder: 'e.g. alice@acme.com' },
			{ displayName: 'Event Type', name: 'eventType', type: 'string', default: '', placeholder: 'e.g. user.session.start' },
			{ displayName: 'IP Address', name: 'ipAddress', type: 'string', default: '', placeholder: 'e.g. 203.0.113.7' },
			{
				displayName: 'Outcome',
				name: 'outcome',
				type: 'options',
				default: 'FAILURE',
				options: [
					{ name: 'Allow', value: 'ALLOW' },
					{ name: 'Challenge', value: 'CHALLENGE' },
					{ name: 'Deny', value: 'DENY' },
					{ name: 'Failure', value: 'FAILURE' },
					{ name: 'Success', value: 'SUCCESS' },
				],
			},
			{ displayName: 'Target ID', name: 'targetId', type: 'string', default: '', placeholder: 'e.g. 00u1abcdEFGHijklm697' },
		],
	},
	{
		displayName: 'Raw Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: 'e.g. eventType sw "user.session" and outcome.result eq "FAILURE"',
		description:
			'A raw Okta SCIM filter, sent unchanged and combined with the filters above. Do not build it from alert data: use Filters for that.',
	},
	{
		displayName: 'Keywords',
		name: 'q',
		type: 'string',
		default: '',
		placeholder: 'e.g. Frankfurt',
		description: 'Up to 10 keywords matched anywhere in the event',
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		options: [
			{ name: 'Oldest First', value: 'ASCENDING' },
			{ name: 'Newest First', value: 'DESCENDING' },
		],
		default: 'DESCENDING',
	},
	...returnAllOrLimit({}),
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['systemLog'], operation: ['getMany'] } }, properties);

function isoOrEmpty(this: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const value = this.getNodeParameter(name, itemIndex, '') as string;
	if (!value) return undefined;
	const time = Date.parse(value);
	if (Number.isNaN(time)) {
		throw new NodeOperationError(this.getNode(), `${name === 'since' ? 'Since' : 'Until'} "${value}" is not a date`, {
			itemIndex,
			description: 'Use an ISO 8601 date, e.g. 2026-01-05T09:00:00Z.',
		});
	}
	return new Date(time).toISOString();
}

/** The normalised fields without the raw event (Simplify off returns the raw events). */
function simplifyEvent(event: IDataObject): IDataObject {
	const fields: IDataObject = normaliseLogEvent(event);
	delete fields.raw;
	return fields;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as LogFilters;
	const raw = (this.getNodeParameter('filter', itemIndex, '') as string).trim();
	// An explicit `until` makes this a bounded request: Okta's last page has no `next` link, so Return All ends.
	const until = isoOrEmpty.call(this, 'until', itemIndex) ?? new Date().toISOString();
	const qs = withoutEmpty({
		since: isoOrEmpty.call(this, 'since', itemIndex),
		until,
		filter: logFilterExpression(this.getNode(), itemIndex, filters, raw),
		q: (this.getNodeParameter('q', itemIndex, '') as string).trim(),
		sortOrder: this.getNodeParameter('sortOrder', itemIndex, 'DESCENDING') as string,
		limit: Math.min(limit ?? 1000, 1000),
	});
	const events = await oktaApiRequestAllItems.call(this, '/api/v1/logs', qs, limit, itemIndex);
	return this.getNodeParameter('simplify', itemIndex, true) ? events.map(simplifyEvent) : events;
}
