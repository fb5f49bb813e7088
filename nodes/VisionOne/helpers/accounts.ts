import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { multiStatusResults } from '../../shared/multiStatus';
import { describeType, printable } from '../../shared/validation';
import { visionOneApiRequest, visionOneDryRun, visionOneVendor } from '../transport';
import { awaitTasks, taskIdOf } from './tasks';

export type AccountAction = 'disable' | 'enable' | 'signOut' | 'resetPassword';

/** What each action reports for an account once its task succeeded (or was accepted, when not waiting). */
const OUTCOME: Record<AccountAction, string> = {
	disable: 'disabled',
	enable: 'enabled',
	signOut: 'signedOut',
	resetPassword: 'passwordResetForced',
};

/**
 * The accounts of one item: a list from an expression, or text with one account per line or comma. Each is a UPN,
 * `domain\user` or an Okta login; empty entries, values that are not text and control characters are refused.
 */
export function accountNames(this: IExecuteFunctions, itemIndex: number): string[] {
	const raw = this.getNodeParameter('accounts', itemIndex) as unknown;
	const field = 'Accounts';
	const entries: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,\n]/) : [raw];
	const names = entries.map((entry, position) => {
		const text = typeof entry === 'string' ? entry.trim() : undefined;
		const which = entries.length > 1 ? ` (entry ${position + 1})` : '';
		if (text === undefined) {
			throw new NodeOperationError(this.getNode(), `${field}${which} is ${describeType(entry)}, not an account name`, {
				itemIndex,
				description: 'Give each account as text: user@corp.com, DOMAIN\\user or an Okta login.',
			});
		}
		if (text === '') {
			throw new NodeOperationError(this.getNode(), `${field}${which} is empty`, {
				itemIndex,
				description: 'Remove the empty entry or check the expression that fills Accounts: an empty account is never sent.',
			});
		}
		if (/\p{Cc}/u.test(text) || text.length > 256) {
			throw new NodeOperationError(this.getNode(), `${field}${which} "${printable(text)}" is not a valid account name`, {
				itemIndex,
				description: 'An account name is one line of at most 256 characters: user@corp.com, DOMAIN\\user or an Okta login.',
			});
		}
		return text;
	});
	return [...new Set(names)];
}

/**
 * Disable, Enable, Force Sign Out or Force Password Reset for every account of the item in one call. The 207 answer
 * becomes one result per account (its task ID, or the vendor's error for that account); with Wait for Completion each
 * task is followed to its end within the budget. A failed account fails the item only with Fail on Any Error.
 */
export async function runAccountAction(this: IExecuteFunctions, itemIndex: number, action: AccountAction): Promise<IDataObject[]> {
	const accounts = accountNames.call(this, itemIndex);
	const description = (this.getNodeParameter('description', itemIndex, '') as string).trim();
	const body = accounts.map((accountName) => ({ accountName, ...(description ? { description } : {}) }));
	const call = { method: 'POST', path: `/v3.0/response/domainAccounts/${action}`, body, itemIndex } as const;
	if (this.getNodeParameter('dryRun', itemIndex, false)) return [await visionOneDryRun.call(this, call)];

	// Not repeated after a lost answer: a second submit would queue a second task (or answer "Task duplication").
	const response = await visionOneApiRequest.call(this, { ...call, idempotent: false });
	const parts = multiStatusResults(visionOneVendor, response.body);
	const results: IDataObject[] = accounts.map((account, index) => {
		const part = parts[index];
		if (!part) return { account, outcome: 'failed', error: { message: 'Vision One gave no result for this account' } };
		if (!part.ok) return { account, outcome: 'failed', status: part.status, error: part.error as IDataObject };
		const taskId = taskIdOf(part.body);
		return { account, outcome: 'submitted', status: part.status, taskId };
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
			else if (task.status === 'succeeded') result.outcome = OUTCOME[action];
			else {
				result.outcome = 'failed';
				const error = (task.error ?? ((task.tasks as IDataObject[] | undefined)?.[0]?.error)) as IDataObject | undefined;
				result.error = { message: String(error?.message ?? `The task ended ${String(task.status)}`), ...(error?.code ? { code: error.code } : {}) };
			}
		});
	}

	const failed = results.filter((r) => r.outcome === 'failed');
	if (failed.length && this.getNodeParameter('failOnAnyError', itemIndex, false)) {
		const summary = failed.map((r) => `${String(r.account)}: ${String((r.error as IDataObject).message)}`).join('; ');
		throw new NodeApiError(this.getNode(), { message: summary }, {
			message: `Vision One: ${failed.length} of ${results.length} accounts failed (${summary})`,
			description: 'Turn off Fail on Any Error to get one result per account instead, or fix the accounts named.',
			itemIndex,
		});
	}
	return results;
}
