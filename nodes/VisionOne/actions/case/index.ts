import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, get, getMany, update };

export const description: INodeProperties[] = [
	operationSelector('case', 'get', [
		{ name: 'Create', value: 'create', action: 'Create a case', effect: 'changes', summary: 'open a Case Management case mirroring an external ticket (e.g. ServiceNow)' },
		{ name: 'Get', value: 'get', action: 'Get a case', effect: 'reads', summary: 'one Case Management case with its ETag' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many cases', effect: 'reads', summary: 'cases by type (e.g. TPIServiceNow), priority, status or external ticket' },
		{ name: 'Update', value: 'update', action: 'Update a case', effect: 'changes', summary: 'set status, priority, findings or the external ticket ID and alias (its ETag is handled for you)' },
	]),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
];
