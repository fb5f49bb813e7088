import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { incidentIdField, severityField } from '../../descriptions/incidentFields.description';
import { customFieldsFrom, incidentId, updateIncident } from '../../helpers/incident';
import { severityValue } from '../../helpers/severity';

const properties: INodeProperties[] = [
	incidentIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Fields (JSON)',
				name: 'customFields',
				type: 'json',
				default: '{}',
				description: 'Custom fields to set, by machine name; others keep their values',
			},
			{ displayName: 'Details', name: 'details', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{ displayName: 'Incident Type', name: 'type', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Owner', name: 'owner', type: 'string', default: '' },
			{ ...severityField, default: 'medium' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const id = incidentId(node, this.getNodeParameter('incidentId', itemIndex), itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	for (const key of ['name', 'type', 'details', 'owner'] as const) if (key in fields) changes[key] = String(fields[key] ?? '');
	if ('severity' in fields) changes.severity = severityValue(node, fields.severity, itemIndex);
	const custom = 'customFields' in fields ? customFieldsFrom(node, fields.customFields, itemIndex) : {};
	if (!Object.keys(changes).length && !Object.keys(custom).length) {
		throw new NodeOperationError(node, 'No field to update', { itemIndex, description: 'Add at least one field under Update Fields.' });
	}
	return await updateIncident.call(
		this,
		id,
		(current) => ({
			...changes,
			...(Object.keys(custom).length ? { CustomFields: { ...((current.CustomFields as IDataObject) ?? {}), ...custom } } : {}),
		}),
		itemIndex,
	);
}
