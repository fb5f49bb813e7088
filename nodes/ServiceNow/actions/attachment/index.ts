import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

export { getMany, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the files attached to a record (reads only)',
				action: 'Get many attachments',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Attach a file from binary data to a record (changes the record)',
				action: 'Upload an attachment',
			},
		],
		default: 'upload',
	},
	...getMany.description,
	...upload.description,
];
