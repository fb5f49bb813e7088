import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { printable } from '../../shared/validation';

/**
 * A value quoted for an Okta SCIM expression (`filter`/`search`): backslashes and double quotes are escaped, so text
 * from alert data (`x" or status eq "ACTIVE`) stays one string literal and can never widen the expression.
 * Control characters are refused rather than sent.
 */
export function scimString(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (text === '') {
		throw new NodeOperationError(node, `${field} is empty`, {
			itemIndex,
			description: `Enter a value for ${field}, or check the expression that fills it.`,
		});
	}
	if (/\p{Cc}/u.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" contains line breaks or control characters`, {
			itemIndex,
			description: `Remove line breaks from ${field}; Okta filter values are single-line text.`,
		});
	}
	if (text.length > 512) {
		throw new NodeOperationError(node, `${field} is longer than 512 characters`, {
			itemIndex,
			description: `Shorten ${field}; Okta rejects longer filter values.`,
		});
	}
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `attribute eq "value"` clauses joined with `and`; every value goes through `scimString`. */
export function scimEquals(node: INode, itemIndex: number, clauses: Array<[attribute: string, value: unknown, field: string]>): string | undefined {
	const parts = clauses
		.filter(([, value]) => value !== undefined && value !== null && value !== '')
		.map(([attribute, value, field]) => `${attribute} eq ${scimString(node, value, field, itemIndex)}`);
	return parts.length ? parts.join(' and ') : undefined;
}

/** Combines a safe expression with a raw one the user typed (each in parentheses, so precedence cannot leak). */
export function andExpressions(...expressions: Array<string | undefined>): string | undefined {
	const present = expressions.map((e) => e?.trim()).filter((e): e is string => !!e);
	if (present.length <= 1) return present[0];
	return present.map((e) => `(${e})`).join(' and ');
}
