import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	operationSelector('systemLog', 'getMany', [
		{ name: 'Get Many', value: 'getMany', action: 'Get many system log events', effect: 'reads', summary: 'System Log events (sign-ins, lifecycle changes, threats) by time, filter or keywords' },
	]),
	...getMany.description,
];
