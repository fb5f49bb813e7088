import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as addEntry from './addEntry.operation';

export { addEntry };

export const description: INodeProperties[] = [
	operationSelector('warRoom', 'addEntry', [
		{ name: 'Add Entry', value: 'addEntry', action: 'Add an entry to a war room', effect: 'changes', summary: 'add a note (text or Markdown) to an incident\'s War Room; a closed incident is refused' },
	]),
	...addEntry.description,
];
