import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplify } from '../../../shared/descriptions';
import { requireText } from '../../../shared/validation';
import { CLOSE_CODES } from '../../descriptions/incidentFields.description';
import { incidentRLC } from '../../descriptions/rlc.description';
import { incidentOutput, incidentSysId, outputQs, patchIncident } from '../../helpers/incident';

const properties: INodeProperties[] = [
	{ ...incidentRLC, description: 'The incident to resolve' },
	{
		displayName: 'Close Code',
		name: 'closeCode',
		type: 'options',
		options: CLOSE_CODES.map((code) => ({ name: code, value: code })),
		default: 'Solution provided',
		required: true,
		description: 'Resolution code; use an expression for a code your instance adds',
	},
	{
		displayName: 'Close Notes',
		name: 'closeNotes',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'Resolution notes: what was found and done',
	},
	simplify({}),
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['resolve'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const closeCode = requireText(node, this.getNodeParameter('closeCode', itemIndex, ''), 'Close Code', itemIndex, 'Pick a resolution code.');
	const closeNotes = requireText(node, this.getNodeParameter('closeNotes', itemIndex, ''), 'Close Notes', itemIndex, 'Describe the resolution.');
	const sysId = await incidentSysId.call(this, itemIndex);
	const body = { state: '6', close_code: closeCode, close_notes: closeNotes };
	const record = await patchIncident.call(this, sysId, body, itemIndex, outputQs.call(this, itemIndex));
	return incidentOutput.call(this, record, itemIndex);
}
