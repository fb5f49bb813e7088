import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../../shared/validation';
import { incidentIdField } from '../../descriptions/incidentFields.description';
import { incidentId } from '../../helpers/incident';
import { addEntry } from '../../helpers/warRoom';

const properties: INodeProperties[] = [
	incidentIdField,
	{ displayName: 'Entry', name: 'entry', type: 'string', typeOptions: { rows: 4 }, default: '', required: true },
	{ displayName: 'Markdown', name: 'markdown', type: 'boolean', default: true, description: 'Whether the War Room renders the entry as Markdown' },
	{
		displayName: 'Start Investigation If Needed',
		name: 'startInvestigation',
		type: 'boolean',
		default: true,
		description: 'Whether to start the investigation of a pending incident (it has no War Room yet) and then add the entry',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['warRoom'], operation: ['addEntry'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const id = incidentId(node, this.getNodeParameter('incidentId', itemIndex), itemIndex);
	const data = requireText(node, this.getNodeParameter('entry', itemIndex, ''), 'Entry', itemIndex, 'Write the entry text, or map it from the alert.');
	return await addEntry.call(
		this,
		id,
		{ data, markdown: this.getNodeParameter('markdown', itemIndex, true) as boolean },
		itemIndex,
		this.getNodeParameter('startInvestigation', itemIndex, true) as boolean,
	);
}
