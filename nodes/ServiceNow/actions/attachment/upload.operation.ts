import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sysIdSegment } from '../../helpers/incident';
import { tableSegment } from '../../helpers/table';
import { resultOf, serviceNowApiRequest } from '../../transport';
import { recordFields } from './shared';

const properties: INodeProperties[] = [
	...recordFields,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. phishing-email.eml',
		description: "Name shown in ServiceNow; empty uses the binary data's file name",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['upload'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = tableSegment.call(this, itemIndex);
	const recordId = sysIdSegment.call(this, this.getNodeParameter('recordId', itemIndex, ''), 'Record Sys ID', itemIndex);
	const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	const fileName = String(this.getNodeParameter('fileName', itemIndex, '') || binary.fileName || 'attachment');
	const response = await serviceNowApiRequest.call(this, {
		method: 'POST',
		path: '/api/now/attachment/file',
		qs: { table_name: decodeURIComponent(table), table_sys_id: decodeURIComponent(recordId), file_name: fileName },
		headers: { 'Content-Type': binary.mimeType || 'application/octet-stream' },
		body: buffer,
		idempotent: false,
		itemIndex,
	});
	return resultOf(response);
}
