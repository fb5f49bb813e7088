import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as search from './search.operation';

export { search };

export const description: INodeProperties[] = [
	operationSelector('appUser', 'search', [
		{ name: 'Search', value: 'search', action: 'Search app users', effect: 'reads', summary: 'accounts in apps, by the user they belong to or by text' },
	]),
	...search.description,
];
