import type { INodeProperties } from 'n8n-workflow';

import { levelOptions, stateOptions } from '../helpers/codes';

/** Close codes of a current ServiceNow release; an expression can send any other code the instance defines. */
export const CLOSE_CODES = [
	'Duplicate',
	'Known error',
	'No resolution provided',
	'Resolved by caller',
	'Resolved by change',
	'Resolved by problem',
	'Resolved by request',
	'Solution provided',
	'Workaround provided',
	'User error',
].sort();

/** Incident fields offered by Create, Update and Create or Update; `omit` drops ones an operation has elsewhere. */
export function incidentFields(omit: string[] = []): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Category', name: 'category', type: 'string', default: '', placeholder: 'e.g. inquiry' },
		{
			displayName: 'Close Code',
			name: 'closeCode',
			type: 'options',
			options: CLOSE_CODES.map((code) => ({ name: code, value: code })),
			default: 'Solution provided',
			description: 'Resolution code; needed with State Resolved or Closed',
		},
		{
			displayName: 'Close Notes',
			name: 'closeNotes',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Resolution notes; needed with State Resolved or Closed',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Added to Additional Comments, which the caller can see',
		},
		{
			displayName: 'Contact Type',
			name: 'contactType',
			type: 'options',
			options: [
				{ name: 'Email', value: 'email' },
				{ name: 'Phone', value: 'phone' },
				{ name: 'Self-Service', value: 'self-service' },
				{ name: 'Walk-In', value: 'walk-in' },
			],
			default: 'email',
		},
		{
			displayName: 'Correlation Display',
			name: 'correlationDisplay',
			type: 'string',
			default: '',
			placeholder: 'e.g. Okta',
			description: 'Name of the system the correlation ID comes from',
		},
		{
			displayName: 'Correlation ID',
			name: 'correlationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. okta-evt-5f2c…',
			description: 'ID of the alert or event in the source system',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
		},
		{
			displayName: 'Impact',
			name: 'impact',
			type: 'options',
			options: levelOptions,
			default: 'low',
			description: 'With Urgency, sets the priority ServiceNow computes',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: stateOptions,
			default: 'new',
		},
		{ displayName: 'Subcategory', name: 'subcategory', type: 'string', default: '' },
		{
			displayName: 'Urgency',
			name: 'urgency',
			type: 'options',
			options: levelOptions,
			default: 'low',
			description: 'With Impact, sets the priority ServiceNow computes',
		},
		{
			displayName: 'Work Note',
			name: 'workNote',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Added to Work Notes, which only the fulfiller team sees',
		},
	];
	return fields.filter((f) => !omit.includes(f.name));
}
