import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../../shared/validation';
import { newIncidentFields } from '../../descriptions/incidentFields.description';
import { createBody } from '../../helpers/createBody';
import { findOrCreate } from '../../helpers/findOrCreate';
import { fieldName, xsoarQuoted } from '../../helpers/query';

const properties: INodeProperties[] = [
	{
		displayName: 'External Key',
		name: 'externalKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.workbenchId }}',
		description: 'The alert\'s ID in the source (a Vision One workbench ID, a ServiceNow number); one open incident is kept per value',
	},
	{
		displayName: 'External Key Field',
		name: 'externalKeyField',
		type: 'string',
		default: 'externalkey',
		description: 'Machine name of the incident field (a short-text custom field) that holds the key; create it in XSOAR first',
	},
	...newIncidentFields,
	{
		displayName: 'Entry on Repeat',
		name: 'repeatEntry',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'War Room entry added when the incident exists already; empty adds "Repeated alert" with the name and key',
	},
	{
		displayName: 'Markdown',
		name: 'markdown',
		type: 'boolean',
		default: true,
		description: 'Whether the War Room renders the entry as Markdown',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['incident'], operation: ['findOrCreate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const key = requireText(node, this.getNodeParameter('externalKey', itemIndex, ''), 'External Key', itemIndex, 'Map the alert ID, e.g. {{ $json.workbenchId }}.');
	xsoarQuoted(node, key, 'External Key', itemIndex);
	const keyField = fieldName(node, this.getNodeParameter('externalKeyField', itemIndex, 'externalkey'), 'External Key Field', itemIndex);
	const name = requireText(node, this.getNodeParameter('name', itemIndex, ''), 'Name', itemIndex, 'Give the incident a name, e.g. {{ $json.title }}.');
	const body = createBody.call(this, itemIndex, { [keyField]: key });
	const repeatEntry = String(this.getNodeParameter('repeatEntry', itemIndex, '') ?? '').trim() || `Repeated alert: ${name} (external key ${key})`;
	const result = await findOrCreate.call(
		this,
		{ keyField, key, createBody: body, repeatEntry, markdown: this.getNodeParameter('markdown', itemIndex, true) as boolean },
		itemIndex,
	);
	return {
		outcome: result.outcome,
		...result.incident,
		...(result.entry ? { repeatEntryId: result.entry.id } : {}),
		...(result.closedDuplicates.length ? { closedDuplicates: result.closedDuplicates } : {}),
	};
}
