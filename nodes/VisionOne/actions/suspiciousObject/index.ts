import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as add from './add.operation';
import * as remove from './remove.operation';

export { add, remove };

export const description: INodeProperties[] = [
	operationSelector('suspiciousObject', 'add', [
		{ name: 'Add', value: 'add', action: 'Add objects to the block list', effect: 'contains', summary: 'block URLs, domains, IPs, file hashes or sender addresses (User-Defined Suspicious Objects); one result per object', reverse: 'Remove' },
		{ name: 'Remove', value: 'remove', action: 'Remove objects from the block list', effect: 'restores', summary: 'unblock objects added to the block list; one result per object', reverse: 'Add' },
	]),
	...add.description,
	...remove.description,
];
