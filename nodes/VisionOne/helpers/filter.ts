import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, printable } from '../../shared/validation';

/**
 * A value quoted for a `TMV1-Filter` (or the task list's `filter`): one single-quoted literal with every `'` doubled,
 * so text from alert data (`x' or severity eq 'low`) stays one literal and can never widen the filter. Empty values,
 * values that are not text, and control characters are refused: a filter that lost its value must not match more.
 */
export function tmv1String(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
	if (text === undefined || text === '') {
		throw new NodeOperationError(node, `${field} ${text === undefined ? `is ${describeType(value)}, not text` : 'is empty'}`, {
			itemIndex,
			description: `A filter without a value would match more alerts than meant, so nothing was sent. Check the expression that fills ${field}, or remove the filter.`,
		});
	}
	if (/\p{Cc}/u.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" contains line breaks or control characters`, {
			itemIndex,
			description: `Remove line breaks from ${field}; Vision One filter values are single-line text.`,
		});
	}
	if (text.length > 1000) {
		throw new NodeOperationError(node, `${field} is longer than 1000 characters`, {
			itemIndex,
			description: `Shorten ${field}; a whole TMV1-Filter may be at most 5000 characters.`,
		});
	}
	return `'${text.replace(/'/g, "''")}'`;
}

/** `field eq 'v1' or field eq 'v2'` in parentheses, for a multi-value filter (severities, statuses). */
export function anyOf(node: INode, itemIndex: number, attribute: string, values: unknown[], field: string): string {
	if (values.length === 0) {
		throw new NodeOperationError(node, `${field} has no value selected`, { itemIndex, description: `Select at least one ${field}, or remove the filter.` });
	}
	const parts = values.map((value) => `${attribute} eq ${tmv1String(node, value, field, itemIndex)}`);
	return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

/** Joins filter parts with `and`, each in parentheses, so an `or` (or a raw filter) cannot leak across them. */
export function allOf(...parts: Array<string | undefined>): string | undefined {
	const present = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
	if (present.length <= 1) return present[0];
	return present.map((p) => `(${p})`).join(' and ');
}

/**
 * The Workbench `TMV1-Filter` for the alert filters the user added (node and trigger): every value quoted, every
 * added filter required to have a value; the raw filter, labelled as such, is appended as typed.
 */
export function alertFilter(node: INode, filters: IDataObject, itemIndex: number): string | undefined {
	const equals = (key: string, attribute: string, label: string) => (key in filters ? `${attribute} eq ${tmv1String(node, filters[key], label, itemIndex)}` : undefined);
	return allOf(
		'severities' in filters ? anyOf(node, itemIndex, 'severity', filters.severities as unknown[], 'Severities') : undefined,
		'statuses' in filters ? anyOf(node, itemIndex, 'status', filters.statuses as unknown[], 'Statuses') : undefined,
		equals('model', 'model', 'Model'),
		equals('modelId', 'modelId', 'Model ID'),
		equals('entityValue', 'impactScopeEntityValue', 'Entity Value'),
		'entityValueContains' in filters ? `contains(impactScopeEntityValue,${tmv1String(node, filters.entityValueContains, 'Entity Value Contains', itemIndex)})` : undefined,
		equals('indicatorValue', 'indicatorValue', 'Indicator Value'),
		typeof filters.rawFilter === 'string' && filters.rawFilter.trim() ? filters.rawFilter : undefined,
	);
}
