import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { header } from '../../../shared/rateLimit';
import { requireText } from '../../../shared/validation';
import { alertIdParameter } from '../../helpers/alert';
import { visionOneApiRequest } from '../../transport';
import { alertIdField } from './fields';

const properties: INodeProperties[] = [
	alertIdField,
	{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, required: true, default: '', description: 'The note text (up to 500,000 characters)' },
];

export const description = updateDisplayOptions({ show: { resource: ['alert'], operation: ['addNote'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alertId = alertIdParameter.call(this, itemIndex);
	const content = requireText(this.getNode(), this.getNodeParameter('content', itemIndex), 'Content', itemIndex, 'Enter the note text, or check the expression that fills Content.');
	// Sent once: a repeated POST would add the note twice.
	const response = await visionOneApiRequest.call(this, { method: 'POST', path: `/v3.0/workbench/alerts/${alertId}/notes`, body: { content }, idempotent: false, itemIndex });
	const location = header(response.headers, 'location');
	const noteId = location?.replace(/\/+$/, '').split('/').pop();
	return { alertId: decodeURIComponent(alertId), noteId: noteId && /^\d+$/.test(noteId) ? Number(noteId) : noteId, location };
}
