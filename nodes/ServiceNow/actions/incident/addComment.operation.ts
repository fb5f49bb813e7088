import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { requireText } from '../../../shared/validation';
import { incidentRLC } from '../../descriptions/rlc.description';
import { incidentOutput, incidentSysId, outputQs, patchIncident } from '../../helpers/incident';

const properties: INodeProperties[] = [
	{ ...incidentRLC, description: 'The incident to annotate' },
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'Visible to the caller (Additional Comments)',
	},
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['addComment'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const text = requireText(this.getNode(), this.getNodeParameter('comment', itemIndex, ''), 'Comment', itemIndex, 'Enter the text to add.');
	const sysId = await incidentSysId.call(this, itemIndex);
	const record = await patchIncident.call(this, sysId, { comments: text }, itemIndex, outputQs.call(this, itemIndex));
	return incidentOutput.call(this, record, itemIndex);
}
