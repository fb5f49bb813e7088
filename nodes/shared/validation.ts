import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Control characters (CR/LF included), path separators and traversal are never part of a vendor ID.
const UNSAFE_ID = /[\p{Cc}/\\]/u;

/**
 * Validates an ID taken from a parameter or from alert data and returns it encoded for a URL path segment.
 * Rejects what could change the request's target (`../`, `/`, CR/LF) instead of silently encoding it.
 */
export function pathSegment(node: INode, value: unknown, field: string, itemIndex: number, example = ''): string {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	const hint = example ? ` e.g. ${example}` : '';
	if (text === undefined) {
		throw new NodeOperationError(node, `${field} is ${describeType(value)}, not an ID`, {
			itemIndex,
			description: `Map a single ID to ${field}${hint}; check the expression that fills it.`,
		});
	}
	if (text === '') {
		throw new NodeOperationError(node, `${field} is empty`, {
			itemIndex,
			description: `Enter a value for ${field}${hint}, or check the expression that fills it.`,
		});
	}
	if (UNSAFE_ID.test(text) || text === '.' || text === '..' || text.includes('..')) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" is not a valid identifier`, {
			itemIndex,
			description: `${field} may not contain "/", "\\", ".." or line breaks. Pass the plain ID${hint}.`,
		});
	}
	return encodeURIComponent(text);
}

/** How a value that is not text reads in an error: `null`, `missing`, `an object`, `an array`, `a boolean`. */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'missing';
	if (Array.isArray(value)) return 'an array';
	return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

/** Shows control characters in messages instead of letting them break the log line. */
export function printable(text: string): string {
	return text.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).slice(0, 120);
}

export function requireText(node: INode, value: unknown, field: string, itemIndex: number, hint: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw new NodeOperationError(node, `${field} is empty`, { itemIndex, description: hint });
	return text;
}
