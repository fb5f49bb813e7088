import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as addEntry from './addEntry.operation';
import * as getEntries from './getEntries.operation';

export { addEntry, getEntries };

export const description: INodeProperties[] = [
	operationSelector('warRoom', 'addEntry', [
		{ name: 'Add Entry', value: 'addEntry', action: 'Add an entry to a war room', effect: 'changes', summary: 'add a note (text or Markdown) to an incident\'s War Room; a closed incident is refused' },
		{ name: 'Get Entries', value: 'getEntries', action: 'Get war room entries', effect: 'reads', summary: 'the entries of an incident\'s War Room (open or closed), by tags and from a time' },
	]),
	...addEntry.description,
	...getEntries.description,
];
