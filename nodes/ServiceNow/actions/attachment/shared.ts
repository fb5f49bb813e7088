import type { INodeProperties } from 'n8n-workflow';

export const recordFields: INodeProperties[] = [
	{
		displayName: 'Table',
		name: 'table',
		type: 'string',
		default: 'incident',
		required: true,
		placeholder: 'e.g. incident',
		description: 'Table of the record the file belongs to',
	},
	{
		displayName: 'Record Sys ID',
		name: 'recordId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 46d44a23a9fe19810012d100cca80666',
		description: 'The sys_id of the record, e.g. the sys_id an incident operation returned',
	},
];
