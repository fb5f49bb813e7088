import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, pathSegment, printable } from '../../shared/validation';

/** A required ID parameter (ConductorOne IDs are opaque strings such as 2Jk8…; alert data maps into them). */
export function idField(name: string, displayName: string, description: string, placeholder = 'e.g. 2JkXq0p7Y1hT3mN9bVc4dE5fG6h'): INodeProperties {
	return { displayName, name, type: 'string', default: '', required: true, placeholder, description };
}

/** An ID for a URL path: checked and encoded (`pathSegment`). */
export function idSegment(this: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	return pathSegment(this.getNode(), this.getNodeParameter(name, itemIndex, ''), label, itemIndex);
}

/** An ID for a JSON body: checked like a path segment (no empty value, separators or control characters), sent as typed. */
export function idValue(this: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	return decodeURIComponent(idSegment.call(this, itemIndex, name, label));
}

/**
 * Search text or an email from item data, for a JSON search body: fails closed (empty, null or not text is an
 * error, never a dropped condition; a finite number is its digits) and refuses control characters.
 */
export function searchText(node: INode, value: unknown, field: string, itemIndex: number): string {
	const given = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof given !== 'string') {
		throw new NodeOperationError(node, `${field} is ${describeType(value)}, not text`, { itemIndex, description: `Map a single text value to ${field}; check the expression that fills it.` });
	}
	const text = given.trim();
	if (text === '') throw new NodeOperationError(node, `${field} is empty`, { itemIndex, description: `Enter a value for ${field}, or check the expression that fills it.` });
	if (/\p{Cc}/u.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" contains a control character`, { itemIndex, description: `Remove line breaks and other control characters from ${field}.` });
	}
	return text;
}

/** A comma-separated list of IDs (or an array from an expression), each checked; empty is an error. */
export function idList(this: IExecuteFunctions, itemIndex: number, name: string, label: string): string[] {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const entries = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
	const ids = entries.map((entry) => decodeURIComponent(pathSegment(this.getNode(), entry, label, itemIndex)));
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), `${label} is empty`, { itemIndex, description: `Enter at least one ID in ${label}.` });
	return ids;
}

export function limitOf(this: IExecuteFunctions, itemIndex: number): number | undefined {
	return this.getNodeParameter('returnAll', itemIndex, false) ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
}
