import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { multiStatusResults } from '../../shared/multiStatus';
import { describeType, printable } from '../../shared/validation';
import { visionOneApiRequest, visionOneDryRun, visionOneVendor } from '../transport';
import { awaitTasks, taskIdOf } from './tasks';

/** One target of a batch response action: its name in messages, the fields naming it in its result, its request item. */
export interface ActionTarget {
	name: string;
	label: IDataObject;
	item: IDataObject;
}

export interface TargetListOptions {
	maxLength?: number;
	/** How a text value is split into entries; commas and new lines by default. */
	separators?: RegExp;
}

/**
 * The targets of one item: a list from an expression, or text with one entry per line or comma (a number counts as
 * text). An empty list or entry, a value that is not text, control characters and overlong values are refused, so
 * nothing is sent for a target that lost its value.
 */
export function targetValues(node: INode, raw: unknown, field: string, itemIndex: number, hint: string, { maxLength = 256, separators = /[,\n]/ }: TargetListOptions = {}): string[] {
	const asText = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined);
	const entries: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(separators) : [raw];
	if (entries.length === 0) throw new NodeOperationError(node, `${field} is an empty list`, { itemIndex, description: `Give at least one entry in ${field}. ${hint}` });
	const values = entries.map((entry, position) => {
		const text = asText(entry);
		const which = entries.length > 1 ? ` (entry ${position + 1})` : '';
		if (text === undefined) throw new NodeOperationError(node, `${field}${which} is ${describeType(entry)}, not text`, { itemIndex, description: hint });
		if (text === '') {
			throw new NodeOperationError(node, `${field}${which} is empty`, {
				itemIndex,
				description: `Remove the empty entry or check the expression that fills ${field}: an empty target is never sent.`,
			});
		}
		if (/\p{Cc}/u.test(text) || text.length > maxLength) {
			throw new NodeOperationError(node, `${field}${which} "${printable(text)}" is not valid`, { itemIndex, description: `${hint} One line of at most ${maxLength} characters each.` });
		}
		return text;
	});
	return [...new Set(values)];
}

/** `targetValues` of a node parameter. */
export function targetList(this: IExecuteFunctions, itemIndex: number, parameter: string, field: string, hint: string, options: TargetListOptions = {}): string[] {
	return targetValues(this.getNode(), this.getNodeParameter(parameter, itemIndex), field, itemIndex, hint, options);
}

export interface ResponseAction {
	/** Below `/v3.0/response/`, e.g. `domainAccounts/disable`. */
	path: string;
	targets: ActionTarget[];
	/** What a target's result says once its task succeeded, e.g. `disabled`. */
	outcome: string;
}

/**
 * A batch response action (accounts, endpoints, suspicious objects) for every target of the item in one call. The
 * 207 answer becomes one result per target (its task ID, or the vendor's error for it); with Wait for Completion each
 * task is followed to its end within the budget. A failed target fails the item only with Fail on Any Error.
 */
export async function runResponseAction(this: IExecuteFunctions, itemIndex: number, action: ResponseAction): Promise<IDataObject[]> {
	const description = (this.getNodeParameter('description', itemIndex, '') as string).trim();
	const body = action.targets.map(({ item }) => ({ ...item, ...(description ? { description } : {}) }));
	const call = { method: 'POST', path: `/v3.0/response/${action.path}`, body, itemIndex } as const;
	if (this.getNodeParameter('dryRun', itemIndex, false)) return [await visionOneDryRun.call(this, call)];

	// Sent once even when the answer is lost: a second submit would queue a second task (or answer "Task duplication").
	const response = await visionOneApiRequest.call(this, { ...call, idempotent: false });
	const parts = multiStatusResults(visionOneVendor, response.body);
	const results: IDataObject[] = action.targets.map(({ label }, index) => {
		const part = parts[index];
		if (!part) return { ...label, outcome: 'failed', error: { message: 'Vision One gave no result for this target' } };
		if (!part.ok) return { ...label, outcome: 'failed', status: part.status, error: part.error as IDataObject };
		return { ...label, outcome: 'submitted', status: part.status, taskId: taskIdOf(part.body) };
	});

	if (this.getNodeParameter('waitForCompletion', itemIndex, true)) {
		const budgetMs = (this.getNodeParameter('waitSeconds', itemIndex, 60) as number) * 1000;
		const pending = results.filter((r) => typeof r.taskId === 'string');
		const outcomes = await awaitTasks.call(this, pending.map((r) => r.taskId as string), budgetMs, itemIndex);
		pending.forEach((result, i) => {
			const { task, finished } = outcomes[i];
			result.taskStatus = task.status;
			result.task = task;
			if (!finished) result.outcome = 'stillRunning';
			else if (task.status === 'succeeded') result.outcome = action.outcome;
			else {
				result.outcome = 'failed';
				const error = (task.error ?? (task.tasks as IDataObject[] | undefined)?.[0]?.error) as IDataObject | undefined;
				result.error = { message: String(error?.message ?? `The task ended ${String(task.status)}`), ...(error?.code ? { code: error.code } : {}) };
			}
		});
	}

	const failed = results.filter((r) => r.outcome === 'failed');
	if (failed.length && this.getNodeParameter('failOnAnyError', itemIndex, false)) {
		const summary = failed.map((r) => `${action.targets[results.indexOf(r)].name}: ${String((r.error as IDataObject).message)}`).join('; ');
		throw new NodeApiError(this.getNode(), { message: summary }, {
			message: `Vision One: ${failed.length} of ${results.length} targets failed (${summary})`,
			description: 'The other targets were submitted (and acted on where their tasks succeeded). Turn off Fail on Any Error to get one result per target instead, or fix the targets named.',
			itemIndex,
		});
	}
	return results;
}
