import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { printable } from '../../shared/validation';

/*
 * ServiceNow's encoded query has no quoting or escaping: a condition's value runs up to the next `^`, and `^OR`,
 * `^NQ` or `^ORDERBY` after it start new conditions, so a value containing `^` can widen or reorder a query. Every
 * value that goes into a query we build is therefore checked here, and a value containing `^` or a control
 * character (newlines included) is refused with a clear error instead of being sent. `=` inside a value is harmless:
 * ServiceNow reads the column name first and the value runs to the next `^`. For `IN` lists, commas separate values,
 * so a single value may not contain one.
 */

const UNSAFE_VALUE = /[\^\p{Cc}]/u;
const COLUMN = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

export const OPERATORS = ['=', '!=', 'LIKE', 'NOT LIKE', 'STARTSWITH', 'ENDSWITH', 'IN', 'NOT IN', '>', '>=', '<', '<=', 'ISEMPTY', 'ISNOTEMPTY'] as const;
export type Operator = (typeof OPERATORS)[number];

export function queryValue(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value === 'string' ? value : '';
	if (UNSAFE_VALUE.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" cannot be used in a ServiceNow query`, {
			itemIndex,
			description:
				'ServiceNow queries cannot quote "^" or line breaks: "^" would start a new condition (^OR, ^NQ) and widen the query. Remove them from the value.',
		});
	}
	return text;
}

export function columnName(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!COLUMN.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" is not a column name`, {
			itemIndex,
			description: 'Use the column name as in the dictionary, e.g. short_description or assignment_group.name.',
		});
	}
	return text;
}

export interface Condition {
	field: string;
	operator: Operator;
	value?: unknown;
	/** The parameter name shown in errors, e.g. "Correlation ID". */
	label: string;
}

/** One condition, value checked; `IN` values may be an array or a comma-separated string. */
export function condition(node: INode, c: Condition, itemIndex: number): string {
	const field = columnName(node, c.field, `${c.label} column`, itemIndex);
	if (!OPERATORS.includes(c.operator)) {
		throw new NodeOperationError(node, `Operator "${printable(String(c.operator))}" is not supported`, { itemIndex });
	}
	if (c.operator === 'ISEMPTY' || c.operator === 'ISNOTEMPTY') return `${field}${c.operator}`;
	if (c.operator === 'IN' || c.operator === 'NOT IN') {
		const list = Array.isArray(c.value) ? c.value : String(c.value ?? '').split(',');
		const values = list.map((v) => queryValue(node, String(v).trim(), c.label, itemIndex)).filter((v) => v !== '');
		return `${field}${c.operator}${values.join(',')}`;
	}
	return `${field}${c.operator}${queryValue(node, c.value, c.label, itemIndex)}`;
}

/**
 * Our conditions AND-ed with a raw query the user wrote. `^NQ` splits a query into OR-ed queries, and `^OR` binds to
 * the condition before it, so appending `^cond` to every `^NQ` branch gives `(raw) AND cond` exactly.
 */
export function andQuery(raw: string, conditions: string[], orderBy: string[] = []): string {
	const own = conditions.filter((c) => c !== '');
	const branches = raw.trim() === '' ? [''] : raw.trim().split('^NQ');
	const query = branches
		.map((branch) => [branch, ...own].filter((part) => part !== '').join('^'))
		.join('^NQ');
	return [query, ...orderBy].filter((part) => part !== '').join('^');
}
