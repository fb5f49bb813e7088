import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as get from './get.operation';
import * as getCurrent from './getCurrent.operation';
import * as getMany from './getMany.operation';

export { get, getCurrent, getMany };

export const description: INodeProperties[] = [
	operationSelector('user', 'getCurrent', [
		{ name: 'Get', value: 'get', action: 'Get a user', effect: 'reads', summary: 'one user by ID or user name, with roles' },
		{ name: 'Get Current', value: 'getCurrent', action: 'Get the current user', effect: 'reads', summary: 'the user the API key acts as' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many users', effect: 'reads', summary: 'every user of the instance, with roles' },
	]),
	...get.description,
	...getCurrent.description,
	...getMany.description,
];
