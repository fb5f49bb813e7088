import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeType } from '../../shared/validation';

/** XSOAR's severity scale. */
const SEVERITY: Record<string, number> = { unknown: 0, info: 0.5, informational: 0.5, low: 1, medium: 2, high: 3, critical: 4 };
const NUMBERS = new Set(Object.values(SEVERITY));

export const SEVERITY_OPTIONS = [
	{ name: 'Unknown (0)', value: 'unknown' },
	{ name: 'Informational (0.5)', value: 'info' },
	{ name: 'Low (1)', value: 'low' },
	{ name: 'Medium (2)', value: 'medium' },
	{ name: 'High (3)', value: 'high' },
	{ name: 'Critical (4)', value: 'critical' },
];

/**
 * A severity given as a name (unknown, info, low, medium, high, critical) or as XSOAR's number (0, 0.5, 1–4). Trend
 * Vision One's workbench severities (low, medium, high, critical) therefore map one step each, 1 to 4; XSOAR's own
 * Vision One integration collapses low/medium to 2 and high/critical to 3 instead.
 */
export function severityValue(node: INode, value: unknown, itemIndex: number, field = 'Severity'): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === undefined || text === '') {
		throw new NodeOperationError(node, `${field} is ${text === '' ? 'empty' : describeType(value)}`, {
			itemIndex,
			description: 'Give a name (unknown, info, low, medium, high, critical) or a number (0, 0.5, 1, 2, 3, 4).',
		});
	}
	if (text in SEVERITY) return SEVERITY[text];
	const number = Number(text);
	if (NUMBERS.has(number)) return number;
	throw new NodeOperationError(node, `${field} "${text.slice(0, 40)}" is not an XSOAR severity`, {
		itemIndex,
		description: 'Use unknown, info, low, medium, high or critical, or 0, 0.5, 1, 2, 3, 4.',
	});
}
