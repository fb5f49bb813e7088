import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as get from './get.operation';
import * as search from './search.operation';

export { get, search };

export const description: INodeProperties[] = [
	operationSelector('user', 'search', [
		{ name: 'Get', value: 'get', action: 'Get a user', effect: 'reads', summary: 'one ConductorOne user (identity) by ID, with their manager' },
		{ name: 'Search', value: 'search', action: 'Search users', effect: 'reads', summary: 'users by exact email or by text in name, email or username' },
	]),
	...get.description,
	...search.description,
];
