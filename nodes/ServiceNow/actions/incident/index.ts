import type { INodeProperties } from 'n8n-workflow';

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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['incident'] } },
		options: [
			{
				name: 'Add Comment',
				value: 'addComment',
				description: 'Add a comment the caller can see to an incident (changes the incident)',
				action: 'Add a comment to an incident',
			},
			{
				name: 'Add Work Note',
				value: 'addWorkNote',
				description: 'Add an internal work note to an incident (changes the incident)',
				action: 'Add a work note to an incident',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Open a new incident (changes ServiceNow; for alerts prefer Create or Update by Correlation ID)',
				action: 'Create an incident',
			},
			{
				name: 'Create or Update by Correlation ID',
				value: 'createOrUpdate',
				description:
					'Open an incident for an alert once: if an open incident has the same correlation ID, add a note to it instead (changes ServiceNow)',
				action: 'Create or update an incident by correlation ID',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one incident by number or sys_id (reads only)',
				action: 'Get an incident',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Search incidents by fields or an encoded query (reads only)',
				action: 'Get many incidents',
			},
			{
				name: 'Resolve',
				value: 'resolve',
				description: 'Set an incident to Resolved with a close code and notes (changes the incident)',
				action: 'Resolve an incident',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of an incident (changes the incident)',
				action: 'Update an incident',
			},
		],
		default: 'createOrUpdate',
	},
	...addComment.description,
	...addWorkNote.description,
	...create.description,
	...createOrUpdate.description,
	...get.description,
	...getMany.description,
	...resolve.description,
	...update.description,
];
