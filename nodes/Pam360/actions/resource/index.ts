import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as create from './create.operation';
import * as getIds from './getIds.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, getIds, getMany, update };

export const description: INodeProperties[] = [
	operationSelector('resource', 'getMany', [
		{ name: 'Create', value: 'create', action: 'Create a resource', effect: 'changes', summary: 'add a resource with its first account to the vault' },
		{ name: 'Get IDs', value: 'getIds', action: 'Get resource and account IDs', effect: 'reads', summary: 'resource and account IDs from their names' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many resources', effect: 'reads', summary: 'resources owned by or shared with the user, optionally searched by column' },
		{ name: 'Update', value: 'update', action: 'Update a resource', effect: 'changes', summary: "change a resource's name, type, owner or details" },
	]),
	...create.description,
	...getIds.description,
	...getMany.description,
	...update.description,
];
