import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { alertIdParameter, readAlert } from '../../helpers/alert';
import { visionOneApiRequest } from '../../transport';
import { alertIdField } from './fields';

const properties: INodeProperties[] = [
	alertIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'In Progress',
		options: [
			{ name: 'Closed', value: 'Closed' },
			{ name: 'In Progress', value: 'In Progress' },
			{ name: 'Keep Current', value: '' },
			{ name: 'Open', value: 'Open' },
		],
	},
	{
		displayName: 'Investigation Result',
		name: 'investigationResult',
		type: 'options',
		default: '',
		options: [
			{ name: 'Benign True Positive', value: 'Benign True Positive' },
			{ name: 'False Positive', value: 'False Positive' },
			{ name: 'Keep Current', value: '' },
			{ name: 'No Findings', value: 'No Findings' },
			{ name: 'Noteworthy', value: 'Noteworthy' },
			{ name: 'Other Findings', value: 'Other Findings' },
			{ name: 'True Positive', value: 'True Positive' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['alert'], operation: ['updateStatus'] } }, properties);

const quoted = (etag: string) => (/^(W\/)?".*"$/.test(etag) ? etag : `"${etag}"`);

/**
 * Reads the alert for its ETag, then PATCHes with `If-Match`. When someone changed the alert in between (412), it is
 * read once more and the update retried once with the new ETag: the update sets absolute values, so repeating it
 * after a fresh read cannot undo anyone's later work.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alertId = alertIdParameter.call(this, itemIndex);
	const status = this.getNodeParameter('status', itemIndex, '') as string;
	const investigationResult = this.getNodeParameter('investigationResult', itemIndex, '') as string;
	const body = { ...(status ? { status } : {}), ...(investigationResult ? { investigationResult } : {}) };
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Choose a Status or an Investigation Result.' });
	}
	for (let attempt = 0; ; attempt++) {
		const { etag } = await readAlert.call(this, alertId, itemIndex);
		try {
			await visionOneApiRequest.call(this, {
				method: 'PATCH',
				path: `/v3.0/workbench/alerts/${alertId}`,
				body,
				headers: etag ? { 'If-Match': quoted(etag) } : {},
				idempotent: true,
				itemIndex,
			});
			return { alertId: decodeURIComponent(alertId), updated: true, ...body, retriedAfterConflict: attempt > 0 };
		} catch (error) {
			if (attempt === 0 && error instanceof NodeApiError && error.httpCode === '412') continue;
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
