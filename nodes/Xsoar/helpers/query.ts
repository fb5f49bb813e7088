import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, printable } from '../../shared/validation';

const MAX_LENGTH = 1024;

/**
 * A value quoted for XSOAR's incident query language (Lucene-like): inside double quotes, `\` and `"` escaped, so
 * alert data such as `x" or status:closed` stays one phrase and cannot widen the query. Empty, non-text values and
 * control characters are refused: a condition without a value would match every incident.
 */
export function xsoarQuoted(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
	if (text === undefined || text === '') {
		throw new NodeOperationError(node, `${field} ${text === undefined ? `is ${describeType(value)}, not text` : 'is empty'}`, {
			itemIndex,
			description: `A condition without a value would match every incident, so nothing was sent. Check the expression that fills ${field}, or remove it.`,
		});
	}
	if (/\p{Cc}/u.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" contains line breaks or control characters`, {
			itemIndex,
			description: `Remove line breaks from ${field}; XSOAR query values are single-line text.`,
		});
	}
	if (text.length > MAX_LENGTH) {
		throw new NodeOperationError(node, `${field} is longer than ${MAX_LENGTH} characters`, { itemIndex, description: `Shorten ${field}.` });
	}
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An incident field's machine name (`externalkey`, `type`): letters, digits, `_` and `.`, as XSOAR names fields. */
export function fieldName(node: INode, value: unknown, label: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!/^[A-Za-z_][\w.]{0,99}$/.test(text)) {
		throw new NodeOperationError(node, `${label} "${printable(text)}" is not an XSOAR field name`, {
			itemIndex,
			description: 'Use the field\'s machine name: lower case without spaces (a field "Scan IP" is scanip).',
		});
	}
	return text;
}

/** `field:"value"` with the value quoted. */
export const condition = (node: INode, field: string, value: unknown, label: string, itemIndex: number) =>
	`${field}:${xsoarQuoted(node, value, label, itemIndex)}`;
