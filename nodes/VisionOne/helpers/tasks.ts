import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitForTask } from '../../shared/tasks';
import type { TaskOutcome } from '../../shared/tasks';
import { pathSegment } from '../../shared/validation';
import { visionOneApiRequest } from '../transport';

/** Statuses a response task can still leave (pytmv1 polls while `queued` or `running`). */
const PENDING = new Set(['queued', 'running']);

/** The task ID from a 207 part's `Operation-Location` header (its last path segment, as pytmv1 reads it). */
export function taskIdOf(part: unknown): string | undefined {
	const headers = (part as IDataObject | undefined)?.headers;
	if (!Array.isArray(headers)) return undefined;
	const location = (headers as IDataObject[]).find((h) => String(h.name).toLowerCase() === 'operation-location')?.value;
	if (typeof location !== 'string') return undefined;
	const id = location.replace(/\/+$/, '').split('/').pop();
	return id ? decodeURIComponent(id) : undefined;
}

export function taskIdParameter(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('taskId', itemIndex) as unknown;
	const segment = pathSegment(this.getNode(), value, 'Task ID', itemIndex, '00000009');
	if (decodeURIComponent(segment).length > 36) {
		throw new NodeOperationError(this.getNode(), 'Task ID is longer than 36 characters', { itemIndex, description: 'Pass the task ID a response action returned, e.g. 00000009.' });
	}
	return segment;
}

export async function readTask(this: IExecuteFunctions, taskId: string, itemIndex: number): Promise<IDataObject> {
	return (await visionOneApiRequest.call(this, { method: 'GET', path: `/v3.0/response/tasks/${taskId}`, itemIndex })).body;
}

/** Follows every task to its end (succeeded, failed, rejected, canceled…) within one shared budget. */
export async function awaitTasks(this: IExecuteFunctions, taskIds: string[], budgetMs: number, itemIndex: number): Promise<Array<TaskOutcome<IDataObject>>> {
	return await Promise.all(
		taskIds.map(async (id) =>
			await waitForTask({
				read: async () => await readTask.call(this, encodeURIComponent(id), itemIndex),
				stateOf: (task) => (PENDING.has(String(task.status)) ? 'pending' : 'done'),
				budgetMs,
				intervalMs: 1000,
				maxIntervalMs: 5000,
			}),
		),
	);
}
