import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, printable } from '../../shared/validation';

/**
 * A value quoted for an Okta SCIM expression (`filter`/`search`): backslashes and double quotes are escaped, so text
 * from alert data (`x" or status eq "ACTIVE`) stays one string literal and can never widen the expression.
 * Control characters are refused rather than sent.
 */
export function scimString(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
	if (text === undefined || text === '') {
		throw new NodeOperationError(node, `${field} ${text === undefined ? `is ${describeType(value)}, not text` : 'is empty'}`, {
			itemIndex,
			description: `A filter without a value would match everything, so nothing was sent. Check the expression that fills ${field}, or remove the filter.`,
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

/**
 * `attribute eq "value"` clauses joined with `and`, one for each filter the user added (`key` present in `filters`):
 * every value goes through `scimString`, so an added filter whose value came out empty fails closed instead of being
 * left out and widening the search.
 */
export function scimEquals(
	node: INode,
	itemIndex: number,
	filters: IDataObject,
	clauses: Array<[key: string, attribute: string, field: string]>,
): string | undefined {
	const parts = clauses
		.filter(([key]) => key in filters)
		.map(([key, attribute, field]) => `${attribute} eq ${scimString(node, filters[key], field, itemIndex)}`);
	return parts.length ? parts.join(' and ') : undefined;
}

/** Combines a safe expression with a raw one the user typed (each in parentheses, so precedence cannot leak). */
export function andExpressions(...expressions: Array<string | undefined>): string | undefined {
	const present = expressions.map((e) => e?.trim()).filter((e): e is string => !!e);
	if (present.length <= 1) return present[0];
	return present.map((e) => `(${e})`).join(' and ');
}
