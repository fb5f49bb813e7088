import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { requireText } from '../../../shared/validation';
import { incidentRLC } from '../../descriptions/rlc.description';
import { incidentOutput, incidentSysId, outputQs, patchIncident } from '../../helpers/incident';

const properties: INodeProperties[] = [
	{ ...incidentRLC, description: 'The incident to annotate' },
	{
		displayName: 'Work Note',
		name: 'workNote',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'Visible only to the fulfiller team (work_notes)',
	},
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['addWorkNote'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const text = requireText(this.getNode(), this.getNodeParameter('workNote', itemIndex, ''), 'Work Note', itemIndex, 'Enter the text to add.');
	const sysId = await incidentSysId.call(this, itemIndex);
	const record = await patchIncident.call(this, sysId, { work_notes: text }, itemIndex, outputQs.call(this, itemIndex));
	return incidentOutput.call(this, record, itemIndex);
}
