import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { incidentFields } from '../../descriptions/incidentFields.description';
import { assignedToRLC, assignmentGroupRLC, callerRLC, incidentRLC } from '../../descriptions/rlc.description';
import { incidentBody, incidentOutput, incidentSysId, outputQs, patchIncident } from '../../helpers/incident';

const shortDescriptionField: INodeProperties = { displayName: 'Short Description', name: 'shortDescription', type: 'string', default: '' };

const properties: INodeProperties[] = [
	{ ...incidentRLC, description: 'The incident to change' },
	{ ...callerRLC, description: 'New caller; leave empty to keep it' },
	{ ...assignmentGroupRLC, description: 'New assignment group; leave empty to keep it' },
	{ ...assignedToRLC, description: 'New assignee; leave empty to keep it' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...incidentFields(), shortDescriptionField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = await incidentBody.call(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under Update Fields, or pick a new caller, group or assignee.',
		});
	}
	const sysId = await incidentSysId.call(this, itemIndex);
	const record = await patchIncident.call(this, sysId, body, itemIndex, outputQs.call(this, itemIndex));
	return incidentOutput.call(this, record, itemIndex);
}
