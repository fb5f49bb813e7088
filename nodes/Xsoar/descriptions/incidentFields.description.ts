import type { INodeProperties } from 'n8n-workflow';

import { SEVERITY_OPTIONS } from '../helpers/severity';

export const incidentIdField: INodeProperties = {
	displayName: 'Incident ID',
	name: 'incidentId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 123',
	description: 'The incident\'s ID (also its War Room\'s investigation ID)',
};

export const severityField: INodeProperties = {
	displayName: 'Severity',
	name: 'severity',
	type: 'options',
	options: SEVERITY_OPTIONS,
	default: 'unknown',
	description:
		'A name or, from an expression, a number (0, 0.5, 1, 2, 3, 4). Vision One severities map as low 1, medium 2, high 3, critical 4.',
};

/** What Create and Find or Create send for a new incident. */
export const newIncidentFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Impossible travel for alice@acme.com',
	},
	{ ...severityField },
	{
		displayName: 'Incident Type',
		name: 'incidentType',
		type: 'string',
		default: '',
		placeholder: 'e.g. Phishing',
		description: 'An incident type defined in XSOAR; empty uses Unclassified',
	},
	{
		displayName: 'Start Investigation',
		name: 'startInvestigation',
		type: 'boolean',
		default: true,
		description: 'Whether to open the War Room at once and run the type\'s (or the given) playbook',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Fields (JSON)',
				name: 'customFields',
				type: 'json',
				default: '{}',
				description: 'Custom incident fields by machine name (lower case, no spaces: "Scan IP" is scanip)',
			},
			{ displayName: 'Details', name: 'details', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{
				displayName: 'Labels',
				name: 'labels',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Label',
						name: 'label',
						values: [
							{ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder: 'e.g. Instance' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Occurred', name: 'occurred', type: 'dateTime', default: '', description: 'When the event happened' },
			{ displayName: 'Owner', name: 'owner', type: 'string', default: '', placeholder: 'e.g. alice', description: 'The owner\'s XSOAR user name' },
			{ displayName: 'Playbook ID', name: 'playbookId', type: 'string', default: '', description: 'Run this playbook instead of the type\'s default' },
		],
	},
];
