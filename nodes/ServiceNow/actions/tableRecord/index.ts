import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, get, getMany, update };
export { del as delete };

export const description: INodeProperties[] = [
	operationSelector('tableRecord', 'get', [
		{ name: 'Create', value: 'create', action: 'Create a table record', effect: 'changes', summary: 'insert a record into any table', reverse: 'Delete' },
		{ name: 'Delete', value: 'delete', action: 'Delete a table record', effect: 'changes', summary: 'delete a record from any table', reverse: 'none (a deleted record cannot be restored through the API)' },
		{ name: 'Get', value: 'get', action: 'Get a table record', effect: 'reads', summary: 'one record of any table by sys_id' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many table records', effect: 'reads', summary: 'records of any table' },
		{ name: 'Update', value: 'update', action: 'Update a table record', effect: 'changes', summary: 'change fields of a record in any table' },
	]),
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...update.description,
];
