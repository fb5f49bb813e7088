import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { waitForTask } from '../../shared/tasks';
import type { Confirmation } from '../../shared/types';
import { conductorOneApiRequest } from '../transport';
import { withExpanded } from './expand';

/** What the task views ask ConductorOne to expand: the app, the accounts, the people and the entitlement. */
export const TASK_EXPAND = { paths: ['app_id', 'app_user_id', 'identity_user_id', 'app_entitlement_ids'] };

const OUTCOMES: Record<string, string> = {
	GRANTED: 'granted',
	REVOKED: 'revoked',
	DENIED: 'denied',
	ERROR: 'error',
	CANCELLED: 'cancelled',
	WAIT_TIMED_OUT: 'timedOut',
	DONE: 'offboarded',
};

/**
 * Where a task stands, in one word: `granted`, `revoked`, `offboarded`, `denied`, `error`, `cancelled`, `timedOut` once
 * closed; `awaitingApproval` while a policy step waits for an approver; `inProgress` while it provisions.
 */
export function outcomeOf(task: IDataObject): string {
	const type = (task.type ?? {}) as Record<string, IDataObject>;
	const detail = Object.values(type)[0] ?? {};
	if (task.state === 'TASK_STATE_CLOSED') {
		const suffix = String(detail.outcome ?? '').replace(/^[A-Z]+_OUTCOME_/, '');
		return OUTCOMES[suffix] ?? (suffix.toLowerCase() || 'closed');
	}
	return task.processing === 'TASK_PROCESSING_TYPE_WAITING' ? 'awaitingApproval' : 'inProgress';
}

/** A task view (with `expanded[]`) as one flat item: outcome first, then what the task is about, then the task. */
export function taskItem(body: IDataObject, extra: IDataObject = {}): IDataObject {
	const view = withExpanded((body.taskView ?? {}) as IDataObject, body.expanded);
	const task = (view.task ?? {}) as IDataObject;
	const type = (task.type ?? {}) as Record<string, IDataObject>;
	const [kind, detail] = Object.entries(type)[0] ?? ['unknown', {}];
	const related = { ...view };
	delete related.task;
	// ConductorOne's own outcome (REVOKE_OUTCOME_REVOKED…) stays next to the plain one.
	const { outcome: vendorOutcome, ...about } = detail;
	return { outcome: outcomeOf(task), vendorOutcome, taskId: task.id, taskType: kind, state: task.state, processing: task.processing, ...about, ...extra, ...related, task };
}

export async function readTask(this: IExecuteFunctions, taskId: string, itemIndex: number): Promise<IDataObject> {
	return (await conductorOneApiRequest.call(this, { method: 'GET', path: `/api/v1/tasks/${encodeURIComponent(taskId)}`, itemIndex })).body;
}

/** A `confirm` for a task action whose answer was lost: read the task and see whether it moved on. */
export function taskMoved(this: IExecuteFunctions, taskId: string, itemIndex: number, moved: (task: IDataObject) => boolean) {
	return async (): Promise<Confirmation> => {
		const body = await readTask.call(this, taskId, itemIndex);
		return moved(((body.taskView as IDataObject | undefined)?.task ?? {}) as IDataObject) ? { landed: true, body } : { landed: false };
	};
}

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description: 'Whether to read the task until it is closed (granted, revoked, denied…) or the time below runs out; otherwise the task is returned as it stands',
	},
	{
		displayName: 'Wait Up To (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 60,
		description: 'How long to wait in all; a task still open then is returned with its outcome (e.g. awaitingApproval) and stillRunning true',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

/** Returns the task as created or acted on, or, with Wait for Completion, as it stands when closed or out of time. */
export async function maybeWait(this: IExecuteFunctions, itemIndex: number, body: IDataObject, extra: IDataObject = {}): Promise<IDataObject> {
	const first = taskItem(body, extra);
	if (!this.getNodeParameter('waitForCompletion', itemIndex, false) || first.state === 'TASK_STATE_CLOSED') return first;
	const taskId = String(first.taskId);
	const outcome = await waitForTask({
		read: async () => await readTask.call(this, taskId, itemIndex),
		stateOf: (task) => (((task.taskView as IDataObject | undefined)?.task as IDataObject | undefined)?.state === 'TASK_STATE_CLOSED' ? 'done' : 'pending'),
		budgetMs: (this.getNodeParameter('waitSeconds', itemIndex, 60) as number) * 1000,
		intervalMs: 500,
		maxIntervalMs: 10_000,
	});
	return { ...taskItem(outcome.task, extra), stillRunning: !outcome.finished, waitedMs: outcome.waitedMs };
}
