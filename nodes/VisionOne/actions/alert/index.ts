import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as addNote from './addNote.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getNotes from './getNotes.operation';
import * as updateStatus from './updateStatus.operation';

export { addNote, get, getMany, getNotes, updateStatus };

export const description: INodeProperties[] = [
	operationSelector('alert', 'getMany', [
		{ name: 'Add Note', value: 'addNote', action: 'Add a note to an alert', effect: 'changes', summary: 'add a note to a Workbench alert' },
		{ name: 'Get', value: 'get', action: 'Get an alert', effect: 'reads', summary: 'one Workbench alert with its ETag' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many alerts', effect: 'reads', summary: 'Workbench alerts in a time window, by severity, status, model, entity or indicator' },
		{ name: 'Get Notes', value: 'getNotes', action: 'Get notes of an alert', effect: 'reads', summary: 'the notes of a Workbench alert' },
		{ name: 'Update Status', value: 'updateStatus', action: 'Update the status of an alert', effect: 'changes', summary: 'set the status and investigation result of a Workbench alert (its ETag is handled for you)', reverse: 'Update Status (back to the previous values)' },
	]),
	...addNote.description,
	...get.description,
	...getMany.description,
	...getNotes.description,
	...updateStatus.description,
];
