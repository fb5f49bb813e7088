import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as wait from './wait.operation';

export { get, getMany, wait };

export const description: INodeProperties[] = [
	operationSelector('task', 'get', [
		{ name: 'Get', value: 'get', action: 'Get a response task', effect: 'reads', summary: 'one response task by ID: its status and per-account results' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many response tasks', effect: 'reads', summary: 'response tasks by account, action or status, newest first' },
		{ name: 'Wait', value: 'wait', action: 'Wait for a response task', effect: 'reads', summary: 'follow a task until it succeeds or fails, within a time budget' },
	]),
	...get.description,
	...getMany.description,
	...wait.description,
];
