import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../../shared/validation';
import { newIncidentFields } from '../../descriptions/incidentFields.description';
import { createBody } from '../../helpers/createBody';
import { xsoarApiRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['create'] } }, newIncidentFields);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	requireText(this.getNode(), this.getNodeParameter('name', itemIndex, ''), 'Name', itemIndex, 'Give the incident a name, e.g. {{ $json.title }}.');
	const body = createBody.call(this, itemIndex);
	// Sent once: XSOAR assigns the ID, so a lost answer cannot be told apart from a refusal (Find or Create can).
	const response = await xsoarApiRequest.call(this, { method: 'POST', surface: 'public', path: '/incident', body, itemIndex });
	return response.body;
}
