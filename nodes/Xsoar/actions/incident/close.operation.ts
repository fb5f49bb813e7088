import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { incidentIdField } from '../../descriptions/incidentFields.description';
import { customFieldsFrom, incidentId } from '../../helpers/incident';
import { xsoarApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	incidentIdField,
	{
		displayName: 'Close Reason',
		name: 'closeReason',
		type: 'string',
		default: 'Resolved',
		description: 'One of the instance\'s close reasons, e.g. Resolved, False Positive, Duplicate, Other',
	},
	{ displayName: 'Close Notes', name: 'closeNotes', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '{}',
		description: 'Closing form fields by machine name',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['close'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const id = incidentId(node, this.getNodeParameter('incidentId', itemIndex), itemIndex);
	const custom = customFieldsFrom(node, this.getNodeParameter('customFields', itemIndex, '{}'), itemIndex);
	const body: IDataObject = {
		id,
		closeReason: String(this.getNodeParameter('closeReason', itemIndex, '') ?? '').trim(),
		closeNotes: String(this.getNodeParameter('closeNotes', itemIndex, '') ?? ''),
		...(Object.keys(custom).length ? { CustomFields: custom } : {}),
	};
	// Closing again with the same reason and notes leaves the incident as it is: safe to repeat.
	const response = await xsoarApiRequest.call(this, { method: 'POST', path: '/incident/close', body, idempotent: true, itemIndex });
	return response.body;
}
