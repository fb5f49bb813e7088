import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as getMany from './getMany.operation';
import * as search from './search.operation';

export { getMany, search };

export const description: INodeProperties[] = [
	operationSelector('entitlement', 'getMany', [
		{ name: 'Get Many', value: 'getMany', action: 'Get many entitlements of an app', effect: 'reads', summary: 'the entitlements (roles, groups, permissions) of one app' },
		{ name: 'Search', value: 'search', action: 'Search entitlements', effect: 'reads', summary: 'entitlements by text in name or alias, optionally in some apps' },
	]),
	...getMany.description,
	...search.description,
];
