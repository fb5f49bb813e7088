import type { INodeProperties } from 'n8n-workflow';

export const tableField: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. incident',
	description: 'Table name as in the dictionary, e.g. incident, sys_user, u_security_event',
};

export const sysIdField: INodeProperties = {
	displayName: 'Sys ID',
	name: 'sysId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 46d44a23a9fe19810012d100cca80666',
};

export const fieldsField: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. short_description' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};
