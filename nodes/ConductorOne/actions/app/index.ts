import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationSelector('app', 'getMany', [
		{ name: 'Get', value: 'get', action: 'Get an app', effect: 'reads', summary: 'one app by ID, with its owners and grant and revoke policies' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many apps', effect: 'reads', summary: 'the apps (governed systems) of the tenant' },
	]),
	...get.description,
	...getMany.description,
];
