import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { printable } from '../../shared/validation';

/** ServiceNow's base incident codes; labels are what the form shows. */
export const INCIDENT_STATES: Record<string, string> = {
	'1': 'New',
	'2': 'In Progress',
	'3': 'On Hold',
	'6': 'Resolved',
	'7': 'Closed',
	'8': 'Canceled',
};

export const LEVELS: Record<string, string> = { '1': 'High', '2': 'Medium', '3': 'Low' };

export const PRIORITIES: Record<string, string> = {
	'1': 'Critical',
	'2': 'High',
	'3': 'Moderate',
	'4': 'Low',
	'5': 'Planning',
};

/** Open means not Resolved, Closed or Canceled (ServiceNow keeps Resolved incidents `active=true`). */
export const CLOSED_STATES = ['6', '7', '8'];

const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A code from a code ("6"), a label ("Resolved", "in progress") or an option value ("inProgress"). */
function codeOf(
	node: INode,
	codes: Record<string, string>,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const text = String(value ?? '').trim();
	if (codes[text]) return text;
	const found = Object.entries(codes).find(([, label]) => key(label) === key(text));
	if (found) return found[0];
	throw new NodeOperationError(node, `${field} "${printable(text)}" is not a valid incident ${field.toLowerCase()}`, {
		itemIndex,
		description: `Use one of: ${Object.entries(codes)
			.map(([code, label]) => `${label} (${code})`)
			.join(', ')}.`,
	});
}

export const stateCode = (node: INode, value: unknown, itemIndex: number) => codeOf(node, INCIDENT_STATES, value, 'State', itemIndex);
export const impactCode = (node: INode, value: unknown, itemIndex: number) => codeOf(node, LEVELS, value, 'Impact', itemIndex);
export const urgencyCode = (node: INode, value: unknown, itemIndex: number) => codeOf(node, LEVELS, value, 'Urgency', itemIndex);

export const stateOptions = Object.values(INCIDENT_STATES)
	.map((name) => ({ name, value: key(name) }))
	.sort((a, b) => a.name.localeCompare(b.name));
export const levelOptions = Object.entries(LEVELS).map(([code, name]) => ({ name: `${code} - ${name}`, value: key(name) }));
