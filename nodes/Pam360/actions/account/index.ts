import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as create from './create.operation';
import * as getDetails from './getDetails.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, getDetails, getMany, update };

export const description: INodeProperties[] = [
	operationSelector('account', 'getMany', [
		{ name: 'Create', value: 'create', action: 'Create an account', effect: 'changes', summary: 'add an account to a resource' },
		{ name: 'Get Details', value: 'getDetails', action: 'Get account details', effect: 'reads', summary: "an account's policy, compliance, expiry and last access (never its password)" },
		{ name: 'Get Many', value: 'getMany', action: 'Get many accounts', effect: 'reads', summary: "a resource's accounts with their reason and ticket ID settings (never passwords)" },
		{ name: 'Update', value: 'update', action: 'Update an account', effect: 'changes', summary: "change an account's name, notes, owner or password policy" },
	]),
	...create.description,
	...getDetails.description,
	...getMany.description,
	...update.description,
];
