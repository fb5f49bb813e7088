import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as addComment from './addComment.operation';
import * as addWorkNote from './addWorkNote.operation';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as resolve from './resolve.operation';
import * as update from './update.operation';

export { addComment, addWorkNote, create, createOrUpdate, get, getMany, resolve, update };

export const description: INodeProperties[] = [
	operationSelector('incident', 'createOrUpdate', [
		{ name: 'Add Comment', value: 'addComment', action: 'Add a comment to an incident', effect: 'changes', summary: 'add a comment the caller can see to an incident' },
		{ name: 'Add Work Note', value: 'addWorkNote', action: 'Add a work note to an incident', effect: 'changes', summary: 'add an internal work note to an incident' },
		{ name: 'Create', value: 'create', action: 'Create an incident', effect: 'changes', summary: 'open a new incident (for alerts prefer Create or Update by Correlation ID)' },
		{ name: 'Create or Update by Correlation ID', value: 'createOrUpdate', action: 'Create or update an incident by correlation ID', effect: 'changes', summary: 'open an incident for an alert once: if an open incident has the same correlation ID, add a note to it instead' },
		{ name: 'Get', value: 'get', action: 'Get an incident', effect: 'reads', summary: 'one incident by number or sys_id' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many incidents', effect: 'reads', summary: 'incidents by fields or an encoded query' },
		{ name: 'Resolve', value: 'resolve', action: 'Resolve an incident', effect: 'changes', summary: 'set an incident to Resolved with a close code and notes', reverse: 'Update with another state' },
		{ name: 'Update', value: 'update', action: 'Update an incident', effect: 'changes', summary: 'change fields of an incident' },
	]),
	...addComment.description,
	...addWorkNote.description,
	...create.description,
	...createOrUpdate.description,
	...get.description,
	...getMany.description,
	...resolve.description,
	...update.description,
];
