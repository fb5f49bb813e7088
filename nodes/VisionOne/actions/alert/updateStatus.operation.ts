import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { alertIdParameter } from '../../helpers/alert';
import { patchWithEtag } from '../../helpers/etag';
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const alertId = alertIdParameter.call(this, itemIndex);
	const status = this.getNodeParameter('status', itemIndex, '') as string;
	const investigationResult = this.getNodeParameter('investigationResult', itemIndex, '') as string;
	const body = { ...(status ? { status } : {}), ...(investigationResult ? { investigationResult } : {}) };
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', { itemIndex, description: 'Choose a Status or an Investigation Result.' });
	}
	const { retried } = await patchWithEtag.call(this, `/v3.0/workbench/alerts/${alertId}`, body, itemIndex);
	return { alertId: decodeURIComponent(alertId), updated: true, ...body, retriedAfterConflict: retried };
}
