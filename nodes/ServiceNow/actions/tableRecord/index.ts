import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, get, getMany, update };
export { del as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tableRecord'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Insert a record into any table (changes ServiceNow)',
				action: 'Create a table record',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a record from any table; cannot be undone (changes ServiceNow)',
				action: 'Delete a table record',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one record of any table by sys_id (reads only)',
				action: 'Get a table record',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Search records of any table (reads only)',
				action: 'Get many table records',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a record in any table (changes ServiceNow)',
				action: 'Update a table record',
			},
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...update.description,
];
