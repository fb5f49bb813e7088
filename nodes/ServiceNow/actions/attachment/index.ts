import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

export { getMany, upload };

export const description: INodeProperties[] = [
	operationSelector('attachment', 'upload', [
		{ name: 'Get Many', value: 'getMany', action: 'Get many attachments', effect: 'reads', summary: 'the files attached to a record' },
		{ name: 'Upload', value: 'upload', action: 'Upload an attachment', effect: 'changes', summary: 'attach a file from binary data to a record' },
	]),
	...getMany.description,
	...upload.description,
];
