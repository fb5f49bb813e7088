import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/operations';

import * as close from './close.operation';
import * as create from './create.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as get from './get.operation';
import * as investigate from './investigate.operation';
import * as reopen from './reopen.operation';
import * as runPlaybook from './runPlaybook.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export { close, create, findOrCreate, get, investigate, reopen, runPlaybook, search, update };

export const description: INodeProperties[] = [
	operationSelector('incident', 'findOrCreate', [
		{ name: 'Close', value: 'close', action: 'Close an incident', effect: 'changes', summary: 'close an incident with a reason and notes; its War Room then takes no entries', reverse: 'Reopen' },
		{ name: 'Create', value: 'create', action: 'Create an incident', effect: 'changes', summary: 'open a new incident (for alerts prefer Find or Create)' },
		{ name: 'Find or Create', value: 'findOrCreate', action: 'Find or create an incident by external key', effect: 'changes', summary: 'open one incident per external key: a repeated alert becomes a War Room entry on the open incident' },
		{ name: 'Get', value: 'get', action: 'Get an incident', effect: 'reads', summary: 'one incident by ID' },
		{ name: 'Investigate', value: 'investigate', action: 'Investigate an incident', effect: 'changes', summary: 'start the investigation of a pending incident and run its playbook' },
		{ name: 'Reopen', value: 'reopen', action: 'Reopen an incident', effect: 'restores', summary: 'reopen a closed incident, so its War Room takes entries again; an incident that is not closed is refused', reverse: 'Close' },
		{ name: 'Run Playbook', value: 'runPlaybook', action: 'Run a playbook on an incident', effect: 'changes', summary: 'run a playbook on an incident\'s investigation (a pending incident is investigated first)' },
		{ name: 'Search', value: 'search', action: 'Search incidents', effect: 'reads', summary: 'incidents by status, type, severity, owner, fields, period or a raw query' },
		{ name: 'Update', value: 'update', action: 'Update an incident', effect: 'changes', summary: 'change fields of an incident, keeping concurrent changes (re-read on a version conflict)' },
	]),
	...close.description,
	...create.description,
	...findOrCreate.description,
	...get.description,
	...investigate.description,
	...reopen.description,
	...runPlaybook.description,
	...search.description,
	...update.description,
];
