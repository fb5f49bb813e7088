import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	operationSelector('role', 'getMany', [
		{ name: 'Get Many', value: 'getMany', action: 'Get many roles', effect: 'reads', summary: 'every role of the instance with its permissions' },
	]),
	...getMany.description,
];
