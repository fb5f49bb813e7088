import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { header } from '../../../shared/rateLimit';
import { pathSegment, requireText } from '../../../shared/validation';
import { readWithEtag } from '../../helpers/etag';
import { visionOneApiRequest } from '../../transport';
import { FINDINGS, PRIORITIES, presentText } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Okta anomaly for alice@acme.com' },
	{ displayName: 'Priority', name: 'priority', type: 'options', default: 'P2', options: PRIORITIES },
	{ displayName: 'Status', name: 'status', type: 'options', default: 'Open', options: ['Open', 'In-progress', 'Closed'].map((value) => ({ name: value, value })) },
	{ displayName: 'External Ticket ID', name: 'externalTicketId', type: 'string', required: true, default: '', placeholder: 'e.g. INC0010001', description: 'The ticket this case mirrors, e.g. the ServiceNow incident number' },
	{ displayName: 'External Ticket Alias', name: 'externalTicketAlias', type: 'string', required: true, default: '', placeholder: 'e.g. ServiceNow INC0010001' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Associated Alert or Incident IDs', name: 'associatedItemIds', type: 'string', default: '', description: 'Comma-separated Workbench alert or incident IDs' },
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Findings', name: 'findings', type: 'options', default: 'NoFindings', options: FINDINGS },
			{ displayName: 'Holder', name: 'holder', type: 'options', default: 'Analyst', options: [{ name: 'Analyst', value: 'Analyst' }, { name: 'Customer', value: 'Customer' }] },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const text = (name: string, label: string) => requireText(node, this.getNodeParameter(name, itemIndex), label, itemIndex, `Enter ${label}, or check the expression that fills it.`);
	const extra = presentText(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	if (typeof extra.associatedItemIds === 'string') extra.associatedItemIds = extra.associatedItemIds.split(',').map((id) => id.trim()).filter(Boolean);
	const body: IDataObject = {
		name: text('name', 'Name'),
		priority: this.getNodeParameter('priority', itemIndex),
		status: this.getNodeParameter('status', itemIndex),
		externalTicketId: text('externalTicketId', 'External Ticket ID'),
		externalTicketAlias: text('externalTicketAlias', 'External Ticket Alias'),
		...extra,
	};
	// Sent once: a repeated POST would open a second case.
	const response = await visionOneApiRequest.call(this, { method: 'POST', path: '/v3.0/caseManagement/cases', body, idempotent: false, itemIndex });
	const id = header(response.headers, 'location')?.replace(/\/+$/, '').split('/').pop();
	if (!id) return { created: true, ...body };
	const { record, etag } = await readWithEtag.call(this, `/v3.0/caseManagement/cases/${pathSegment(node, id, 'Case ID', itemIndex)}`, itemIndex);
	return { ...record, etag };
}
