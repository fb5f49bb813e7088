import { multiStatus } from '../../framework/multiStatus';
import type { ItemResult } from '../../framework/multiStatus';
import type { Task } from '../../framework/tasks';
import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { badRequest, visionOneError } from './errors';
import { parseFilter } from './filter';
import type { TaskSubject, VisionOneState } from './state';
import { isoSeconds } from './state';

/** Names the mock (tm-v1-api-mockup) answers with a documented per-item error, for accounts, endpoints and objects. */
const MAGIC: Record<string, ItemResult> = {
	task_duplication: itemError(400, 'TaskError', 'Task duplication.'),
	access_denied: itemError(403, 'AccessDenied', "The target is not in the user's management scope."),
	feature_disabled: itemError(403, 'AccessDenied', 'Feature disabled.'),
	not_supported: itemError(400, 'NotSupported', 'Action not supported on the target.'),
	internal_error: itemError(500, 'InternalServerError', 'An internal error has occurred.'),
};

export function itemError(status: number, code: string, message: string): ItemResult {
	return { status, body: { error: { code, message } } };
}

export function magicError(name: string): ItemResult | undefined {
	return Object.prototype.hasOwnProperty.call(MAGIC, name) ? MAGIC[name] : undefined;
}

function pending(task: Task<undefined> | undefined): boolean {
	return task?.status === 'queued' || task?.status === 'running';
}

/**
 * Queues a response task for one item: 202 with its `Operation-Location`, or `Task duplication.` while a task with
 * the same action on the same target is still queued or running. `problem` makes the task end `failed`.
 */
export function queueTask(state: VisionOneState, req: SandboxRequest, subject: TaskSubject, problem?: string): ItemResult {
	const key = subject.names[0]?.toLowerCase();
	const duplicate = [...state.subjects.entries()].some(([id, s]) => s.action === subject.action && s.names[0]?.toLowerCase() === key && pending(state.tasks.peek(id)));
	if (duplicate) return itemError(400, 'TaskError', 'Task duplication.');
	const { startPolls, startMs, finishPolls, finishMs } = state.taskTiming;
	const task = state.tasks.create({ start: { polls: startPolls, ms: startMs }, finish: { polls: finishPolls, ms: finishMs }, outcome: problem ? 'failed' : 'succeeded', error: problem });
	state.subjects.set(task.id, subject);
	return { status: 202, headers: { 'Operation-Location': `${req.baseUrl}/v3.0/response/tasks/${task.id}` } };
}

/** A batch response action: a non-empty JSON array, one 207 part per item in Vision One's `{status, headers[], body}` form. */
export function batch(req: SandboxRequest, handle: (item: Record<string, unknown> | undefined) => ItemResult): SandboxResponse {
	if (!Array.isArray(req.body) || req.body.length === 0) return badRequest('The request body must be a non-empty JSON array.');
	if (req.body.length > 100) return badRequest('At most 100 items per request.');
	return multiStatus(
		req.body,
		(item) => handle(item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined),
		(result) => ({
			status: result.status,
			...(result.headers ? { headers: Object.entries(result.headers).map(([name, value]) => ({ name, value })) } : {}),
			...(result.body ? { body: result.body } : {}),
		}),
	);
}

/** Carries out every task that has just succeeded (once); a target that no longer allows it fails the task. */
export function settleTasks(state: VisionOneState): void {
	for (const [id, subject] of state.subjects) {
		if (subject.applied) continue;
		const task = state.tasks.peek(id);
		if (!task || pending(task)) continue;
		subject.applied = true;
		if (task.status === 'failed') {
			subject.error = { code: 'TaskError', number: 4009999, message: task.error ?? 'An internal error has occurred.' };
			continue;
		}
		const problem = subject.carryOut();
		if (problem) {
			subject.error = { code: 'TaskError', number: 4009999, message: problem };
			state.tasks.settle(id, 'failed', { error: problem });
		}
	}
}

/** A task as `GET /v3.0/response/tasks/{id}` shows it (pytmv1 `BaseTaskResp` and its account, endpoint, object forms). */
export function renderTask(state: VisionOneState, task: Task<undefined>): Record<string, unknown> {
	const subject = state.subjects.get(task.id)!;
	const error = task.status === 'failed' ? subject.error : undefined;
	return {
		id: task.id,
		status: task.status,
		createdDateTime: isoSeconds(task.createdAt),
		lastActionDateTime: isoSeconds(task.finishedAt ?? task.startedAt ?? task.createdAt),
		...(subject.description ? { description: subject.description } : {}),
		action: subject.action,
		account: 'sandbox-api',
		...subject.fields(task.status, error),
		...(error ? { error } : {}),
	};
}

const TASK_FIELDS = {
	id: (t: Record<string, unknown>) => [String(t.id)],
	status: (t: Record<string, unknown>) => [String(t.status)],
	action: (t: Record<string, unknown>) => [String(t.action)],
	account: (t: Record<string, unknown>) => [String(t.account), ...((t.names as string[] | undefined) ?? [])],
	endpointName: (t: Record<string, unknown>) => (typeof t.endpointName === 'string' ? [t.endpointName] : []),
	agentGuid: (t: Record<string, unknown>) => (typeof t.agentGuid === 'string' ? [t.agentGuid] : []),
};

export const taskRoutes: Route<VisionOneState>[] = [
	{
		method: 'GET',
		path: '/v3.0/response/tasks/:taskId',
		bucket: '/v3.0/response/tasks',
		handle(state, req) {
			if (!state.subjects.has(req.params.taskId)) return visionOneError(404, 'NotFound', `Task ${req.params.taskId} not found.`);
			state.tasks.poll(req.params.taskId);
			settleTasks(state);
			return { status: 200, body: renderTask(state, state.tasks.peek(req.params.taskId)!) };
		},
	},
	{
		method: 'GET',
		path: '/v3.0/response/tasks',
		bucket: '/v3.0/response/tasks',
		handle(state, req) {
			const top = Number(req.query.get('top') ?? 50);
			if (![50, 100, 200].includes(top)) return badRequest('top must be 50, 100 or 200.');
			let tasks = state.tasks.list().map((t) => ({ view: renderTask(state, t), names: state.subjects.get(t.id)!.names }));
			const filter = req.query.get('filter');
			if (filter) {
				try {
					const predicate = parseFilter(filter, TASK_FIELDS);
					tasks = tasks.filter((t) => predicate({ ...t.view, names: t.names }));
				} catch (error) {
					return badRequest(`Invalid filter: ${(error as Error).message}`);
				}
			}
			const newestFirst = tasks.map((t) => t.view).reverse();
			const token = req.query.get('skipToken');
			const skip = token ? Number(Buffer.from(token, 'base64url').toString()) || 0 : 0;
			const page = newestFirst.slice(skip, skip + top);
			const query = `top=${top}${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`;
			const nextLink = skip + top < newestFirst.length ? `${req.baseUrl}/v3.0/response/tasks?${query}&skipToken=${Buffer.from(String(skip + top)).toString('base64url')}` : undefined;
			return { status: 200, body: { totalCount: newestFirst.length, count: page.length, items: page, ...(nextLink ? { nextLink } : {}) } };
		},
	},
];
