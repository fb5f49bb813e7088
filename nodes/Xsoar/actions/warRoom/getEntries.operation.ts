import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { incidentIdField } from '../../descriptions/incidentFields.description';
import { incidentId } from '../../helpers/incident';
import { ENTRY_PAGE_MAX, entryFilter, getEntries, simplifyEntry } from '../../helpers/entries';

const properties: INodeProperties[] = [
	incidentIdField,
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: ENTRY_PAGE_MAX },
		default: 50,
		description: 'Max number of results to return',
		hint: `XSOAR answers at most ${ENTRY_PAGE_MAX} entries at a time`,
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'From Time',
				name: 'fromTime',
				type: 'dateTime',
				default: '',
				description: 'Only entries created at or after this time; to read on, use the last entry\'s created time',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. evidence, network',
				description: 'Comma-separated tags: only entries with at least one of them',
			},
		],
	},
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['warRoom'], operation: ['getEntries'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const id = incidentId(node, this.getNodeParameter('incidentId', itemIndex), itemIndex);
	const filter = entryFilter(node, this.getNodeParameter('limit', itemIndex, 50), this.getNodeParameter('filters', itemIndex, {}) as IDataObject, itemIndex);
	const entries = await getEntries.call(this, id, filter, itemIndex);
	return this.getNodeParameter('simplify', itemIndex, true) ? entries.map(simplifyEntry) : entries;
}
