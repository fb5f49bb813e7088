import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType, printable } from '../../shared/validation';

/*
 * ServiceNow's encoded query has no quoting or escaping: a condition's value runs up to the next `^`, and `^OR`,
 * `^NQ` or `^ORDERBY` after it start new conditions, so a value containing `^` can widen or reorder a query. Every
 * value that goes into a query we build is therefore checked here, and a value containing `^` or a control
 * character (newlines included) is refused with a clear error instead of being sent. `=` inside a value is harmless:
 * ServiceNow reads the column name first and the value runs to the next `^`. For `IN` lists, commas separate values,
 * so a single value may not contain one.
 */

const UNSAFE_VALUE = /[\^\p{Cc}]/u;
/** ServiceNow evaluates a value starting with `javascript:` as a script on the instance; it is never data. */
const SCRIPT_VALUE = /javascript\s*:/i;
const COLUMN = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;
/** `correlation_id` in ServiceNow's dictionary (task table). */
export const CORRELATION_ID_LENGTH = 100;
/** The longest value any of the fields we query holds (short_description 160, correlation_id 100, most strings 40–255). */
const DEFAULT_MAX_LENGTH = 1000;

export const OPERATORS = ['=', '!=', 'LIKE', 'NOT LIKE', 'STARTSWITH', 'ENDSWITH', 'IN', 'NOT IN', '>', '>=', '<', '<=', 'ISEMPTY', 'ISNOTEMPTY'] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * The operators as options of a node parameter. The option values are names, not the symbols: n8n reads a parameter
 * value starting with "=" as an expression, so an option whose value is "=" could never be chosen.
 */
export const OPERATOR_OPTIONS: Array<{ name: string; value: string; operator: Operator }> = [
	{ name: '= (Equals)', value: 'equals', operator: '=' },
	{ name: '!= (Not Equals)', value: 'notEquals', operator: '!=' },
	{ name: 'LIKE (Contains)', value: 'contains', operator: 'LIKE' },
	{ name: 'NOT LIKE (Does Not Contain)', value: 'notContains', operator: 'NOT LIKE' },
	{ name: 'STARTSWITH', value: 'startsWith', operator: 'STARTSWITH' },
	{ name: 'ENDSWITH', value: 'endsWith', operator: 'ENDSWITH' },
	{ name: 'IN (One Of, Comma-Separated)', value: 'in', operator: 'IN' },
	{ name: 'NOT IN (None Of, Comma-Separated)', value: 'notIn', operator: 'NOT IN' },
	{ name: '> (Greater Than)', value: 'greaterThan', operator: '>' },
	{ name: '>= (Greater or Equal)', value: 'greaterOrEqual', operator: '>=' },
	{ name: '< (Less Than)', value: 'lessThan', operator: '<' },
	{ name: '<= (Less or Equal)', value: 'lessOrEqual', operator: '<=' },
	{ name: 'ISEMPTY', value: 'isEmpty', operator: 'ISEMPTY' },
	{ name: 'ISNOTEMPTY', value: 'isNotEmpty', operator: 'ISNOTEMPTY' },
];

/** The operator an option value names; an unknown value is an error (an old workflow or a typo in an expression). */
export function operatorFromOption(node: INode, value: unknown, label: string, itemIndex: number): Operator {
	const option = OPERATOR_OPTIONS.find((o) => o.value === value);
	if (!option) {
		throw new NodeOperationError(node, `${label} operator "${printable(String(value))}" is not supported`, {
			itemIndex,
			description: `Pick the operator from the list: ${OPERATOR_OPTIONS.map((o) => o.value).join(', ')}.`,
		});
	}
	return option.operator;
}

/**
 * A value for an encoded query, from a parameter or alert data. It fails closed: an empty, null or non-text value
 * (an object, an array) would otherwise drop or break the condition and widen the query, so it is an error naming the
 * field, as is a value longer than the field (`maxLength`), one with `^` or line breaks, or a `javascript:` value.
 */
export function queryValue(node: INode, value: unknown, field: string, itemIndex: number, maxLength = DEFAULT_MAX_LENGTH): string {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : undefined;
	if (text === undefined || text.trim() === '') {
		const what = text === undefined ? `is ${describeType(value)}, not text` : 'is empty';
		throw new NodeOperationError(node, `${field} ${what}`, {
			itemIndex,
			description: `A filter without a value would match every record, so nothing was sent. Check the expression that fills ${field}, or remove the filter.`,
		});
	}
	if (UNSAFE_VALUE.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" cannot be used in a ServiceNow query`, {
			itemIndex,
			description:
				'ServiceNow queries cannot quote "^" or line breaks: "^" would start a new condition (^OR, ^NQ) and widen the query. Remove them from the value.',
		});
	}
	if (SCRIPT_VALUE.test(text)) {
		throw new NodeOperationError(node, `${field} "${printable(text)}" contains "javascript:"`, {
			itemIndex,
			description: 'ServiceNow runs a query value starting with "javascript:" as a script on the instance. Pass plain data.',
		});
	}
	if (text.length > maxLength) {
		throw new NodeOperationError(node, `${field} is ${text.length} characters long; ServiceNow's field holds at most ${maxLength}`, {
			itemIndex,
			description: `Shorten ${field}: a longer value can never match, which usually means the wrong data was mapped.`,
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
	/** The field's length in ServiceNow's dictionary, when known. */
	maxLength?: number;
}

/** One condition, value checked; `IN` values may be an array or a comma-separated string. */
export function condition(node: INode, c: Condition, itemIndex: number): string {
	const field = columnName(node, c.field, `${c.label} column`, itemIndex);
	if (!OPERATORS.includes(c.operator)) {
		throw new NodeOperationError(node, `Operator "${printable(String(c.operator))}" is not supported`, { itemIndex });
	}
	if (c.operator === 'ISEMPTY' || c.operator === 'ISNOTEMPTY') return `${field}${c.operator}`;
	if (c.operator === 'IN' || c.operator === 'NOT IN') {
		const list = Array.isArray(c.value) ? c.value : typeof c.value === 'string' ? c.value.split(',') : [c.value];
		// An empty list would leave `fieldIN` without values, which an instance may ignore and so match everything.
		if (list.length === 0) {
			throw new NodeOperationError(node, `${c.label} has no values`, {
				itemIndex,
				description: `Give at least one value for ${c.label}, or remove the condition.`,
			});
		}
		const values = list.map((v) => queryValue(node, typeof v === 'string' ? v.trim() : v, c.label, itemIndex, c.maxLength));
		const joined = values.find((v) => v.includes(','));
		if (joined !== undefined) {
			throw new NodeOperationError(node, `${c.label} "${printable(joined)}" contains a comma`, {
				itemIndex,
				description: 'In a list condition commas separate values: pass each value as its own list entry.',
			});
		}
		return `${field}${c.operator}${values.join(',')}`;
	}
	return `${field}${c.operator}${queryValue(node, c.value, c.label, itemIndex, c.maxLength)}`;
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
