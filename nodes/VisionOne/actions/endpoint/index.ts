import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as get from './get.operation';
import * as isolate from './isolate.operation';
import * as restore from './restore.operation';

export { get, isolate, restore };

export const description: INodeProperties[] = [
	operationSelector('endpoint', 'get', [
		{ name: 'Get', value: 'get', action: 'Get an endpoint', effect: 'reads', summary: 'inventory records by endpoint name, IP address or agent GUID' },
		{ name: 'Isolate', value: 'isolate', action: 'Isolate endpoints', effect: 'contains', summary: 'cut the endpoints off the network except for Vision One; one result per endpoint with its task', reverse: 'Restore' },
		{ name: 'Restore', value: 'restore', action: 'Restore endpoints', effect: 'restores', summary: 'restore the network connection of isolated endpoints; one result per endpoint with its task', reverse: 'Isolate' },
	]),
	...get.description,
	...isolate.description,
	...restore.description,
];
