import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { patchWithEtag } from '../../helpers/etag';
import { FINDINGS, PRIORITIES, caseIdField, caseIdParameter, presentText } from './fields';

const properties: INodeProperties[] = [
	caseIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'External Ticket Alias', name: 'externalTicketAlias', type: 'string', default: '' },
			{ displayName: 'External Ticket ID', name: 'externalTicketId', type: 'string', default: '' },
			{ displayName: 'Findings', name: 'findings', type: 'options', default: 'NoFindings', options: FINDINGS },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Priority', name: 'priority', type: 'options', default: 'P2', options: PRIORITIES },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'In-progress',
				description: 'Deleted means the ticket was deleted in the third-party ticketing system',
				options: ['Open', 'In-progress', 'Closed', 'Deleted'].map((value) => ({ name: value, value })),
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const caseId = caseIdParameter.call(this, itemIndex);
	const body = presentText(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Add at least one field under Update Fields (with a value).' });
	}
	if (body.externalTicketId !== undefined || body.externalTicketAlias !== undefined) body.externalTicketUpdatedDateTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	const { retried } = await patchWithEtag.call(this, `/v3.0/caseManagement/cases/${caseId}`, body, itemIndex);
	return { caseId: decodeURIComponent(caseId), updated: true, ...body, retriedAfterConflict: retried };
}
