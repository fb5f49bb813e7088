import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, printable } from '../../shared/validation';

/**
 * A value for INPUT_DATA's `Details` (sent inside JSON, so any text is one literal): text or a finite number,
 * trimmed. Empty is `undefined` unless the field is required; anything else (null, objects, arrays) is refused, never
 * dropped, so a mapping that broke cannot silently change what is sent.
 */
export function detailText(node: INode, value: unknown, field: string, itemIndex: number, required = false): string | undefined {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	if (text === undefined && !(value === '' || (value === undefined && !required))) {
		throw new NodeOperationError(node, `${field} is ${describeType(value)}, not text`, {
			itemIndex,
			description: `Map a single text value to ${field}; check the expression that fills it.`,
		});
	}
	if (!text) {
		if (!required) return undefined;
		throw new NodeOperationError(node, `${field} is empty`, { itemIndex, description: `Enter a value for ${field}, or check the expression that fills it.` });
	}
	if (/\p{Cc}/u.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" contains a line break or control character`, {
			itemIndex,
			description: `Pass ${field} as one line of plain text.`,
		});
	}
	return text;
}

/** Details from `{parameterName: PAM360_KEY}` pairs, each through `detailText`; empty values are left out. */
export function detailsFrom(node: INode, fields: IDataObject, keys: Record<string, [key: string, label: string]>, itemIndex: number): IDataObject {
	const details: IDataObject = {};
	for (const [name, [key, label]] of Object.entries(keys)) {
		const text = detailText(node, fields[name], label, itemIndex);
		if (text !== undefined) details[key] = text;
	}
	return details;
}

/**
 * A password typed or mapped into the node: any text, sent as given (no trimming), empty = not given. A value that is
 * not text is refused, and the message never shows the value.
 */
export function secretText(node: INode, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (typeof value !== 'string') {
		throw new NodeOperationError(node, `${field} is ${describeType(value)}, not text`, {
			itemIndex,
			description: `Map the password to ${field} as text; check the expression that fills it.`,
		});
	}
	return value;
}
