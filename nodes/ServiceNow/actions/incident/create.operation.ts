import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { incidentFields } from '../../descriptions/incidentFields.description';
import { assignedToRLC, assignmentGroupRLC, callerRLC } from '../../descriptions/rlc.description';
import { createIncidentVerified } from '../../helpers/createIncident';
import { incidentBody, incidentOutput, outputQs } from '../../helpers/incident';

const properties: INodeProperties[] = [
	{
		displayName: 'Short Description',
		name: 'shortDescription',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Phishing email reported by finance',
	},
	callerRLC,
	assignmentGroupRLC,
	assignedToRLC,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: incidentFields(),
	},
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		shortDescription: this.getNodeParameter('shortDescription', itemIndex, ''),
	};
	const body = await incidentBody.call(this, itemIndex, fields);
	const { record } = await createIncidentVerified.call(this, body, outputQs.call(this, itemIndex), itemIndex);
	return incidentOutput.call(this, record, itemIndex);
}
