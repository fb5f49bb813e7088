import { multiStatus } from '../../framework/multiStatus';
import type { ItemResult } from '../../framework/multiStatus';
import type { Task } from '../../framework/tasks';
import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { badRequest, visionOneError } from './errors';
import { parseFilter } from './filter';
import { actOnOktaUser, connectedOkta, findOktaUser } from './okta';
import type { AccountAction, TaskSubject, VisionOneState } from './state';
import { isoSeconds } from './state';

const ACTIONS: Array<[path: string, action: AccountAction]> = [
	['disable', 'disableAccount'],
	['enable', 'enableAccount'],
	['signOut', 'forceSignOut'],
	['resetPassword', 'resetPassword'],
];

/** Account names the mock (tm-v1-api-mockup) answers with a documented per-item error. */
const MAGIC: Record<string, ItemResult> = {
	access_denied: { status: 403, body: { error: { code: 'AccessDenied', message: "The target is not in the user's management scope." } } },
	feature_disabled: { status: 403, body: { error: { code: 'AccessDenied', message: 'Feature disabled.' } } },
	not_supported: { status: 400, body: { error: { code: 'NotSupported', message: 'Action not supported on the target.' } } },
	internal_error: { status: 500, body: { error: { code: 'InternalServerError', message: 'An internal error has occurred.' } } },
};

const itemError = (status: number, code: string, message: string): ItemResult => ({ status, body: { error: { code, message } } });

function pending(task: Task<undefined> | undefined): boolean {
	return task?.status === 'queued' || task?.status === 'running';
}

/** The directory entry an account name names: Okta first (the connected tenant), then AD / Entra ID accounts. */
function resolve(state: VisionOneState, accountName: string): { iam: string; problem?: string } | undefined {
	const okta = connectedOkta(state);
	if (okta && findOktaUser(okta, accountName)) return { iam: 'Okta' };
	const account = state.directory.find((a) => a.accountName.toLowerCase() === accountName.toLowerCase());
	if (!account) return undefined;
	return { iam: account.iam, problem: account.unreachable ? 'The identity sensor cannot reach the domain controller.' : undefined };
}

function submit(state: VisionOneState, req: SandboxRequest, action: AccountAction, item: unknown): ItemResult {
	const entry = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
	const accountName = entry?.accountName;
	if (accountName === undefined) return itemError(400, 'BadRequest', 'Required fields not found: accountName');
	if (typeof accountName !== 'string' || accountName.trim() === '' || accountName.length > 256) return itemError(400, 'BadRequest', 'Invalid field format: accountName');
	if (entry?.description !== undefined && typeof entry.description !== 'string') return itemError(400, 'BadRequest', 'Invalid field format: description');
	if (accountName === 'task_duplication') return itemError(400, 'TaskError', 'Task duplication.');
	const magic = MAGIC[accountName];
	if (magic) return magic;
	const target = resolve(state, accountName);
	if (!target) return itemError(400, 'BadRequest', 'Target not found.');
	const duplicate = [...state.subjects.entries()].some(
		([id, s]) => s.action === action && s.accountName.toLowerCase() === accountName.toLowerCase() && pending(state.tasks.peek(id)),
	);
	if (duplicate) return itemError(400, 'TaskError', 'Task duplication.');
	const task = state.tasks.create({
		start: { polls: state.taskTiming.startPolls, ms: state.taskTiming.startMs },
		finish: { polls: state.taskTiming.finishPolls, ms: state.taskTiming.finishMs },
		outcome: target.problem ? 'failed' : 'succeeded',
		error: target.problem,
	});
	state.subjects.set(task.id, { action, accountName, iam: target.iam, description: entry?.description as string | undefined });
	return { status: 202, headers: { 'Operation-Location': `${req.baseUrl}/v3.0/response/tasks/${task.id}` } };
}

/** Carries out every task that has just succeeded (once); a lifecycle the target does not allow fails the task. */
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
		const problem = carryOut(state, subject);
		if (problem) {
			subject.error = { code: 'TaskError', number: 4009999, message: problem };
			state.tasks.settle(id, 'failed', { error: problem });
		}
	}
}

function carryOut(state: VisionOneState, subject: TaskSubject): string | undefined {
	const okta = connectedOkta(state);
	const user = subject.iam === 'Okta' && okta ? findOktaUser(okta, subject.accountName) : undefined;
	if (okta && user) return actOnOktaUser(okta, user, subject.action);
	const account = state.directory.find((a) => a.accountName.toLowerCase() === subject.accountName.toLowerCase());
	if (!account) return 'Target not found.';
	if (subject.action === 'disableAccount') account.enabled = false;
	if (subject.action === 'enableAccount') account.enabled = true;
	if (subject.action === 'forceSignOut' || subject.action === 'resetPassword') account.sessions = 0;
	if (subject.action === 'resetPassword') account.mustChangePassword = true;
	return undefined;
}

/** A task as `GET /v3.0/response/tasks/{id}` shows it (pytmv1 `AccountTaskResp`). */
export function renderTask(state: VisionOneState, task: Task<undefined>): Record<string, unknown> {
	const subject = state.subjects.get(task.id)!;
	const last = isoSeconds(task.finishedAt ?? task.startedAt ?? task.createdAt);
	return {
		id: task.id,
		status: task.status,
		createdDateTime: isoSeconds(task.createdAt),
		lastActionDateTime: last,
		...(subject.description ? { description: subject.description } : {}),
		action: subject.action,
		account: 'sandbox-api',
		tasks: [
			{
				iam: subject.iam,
				accountName: subject.accountName,
				status: task.status,
				lastActionDateTime: last,
				...(task.status === 'failed' && subject.error ? { error: subject.error } : {}),
			},
		],
		...(task.status === 'failed' && subject.error ? { error: subject.error } : {}),
	};
}

const TASK_FIELDS = {
	id: (t: Record<string, unknown>) => [String(t.id)],
	status: (t: Record<string, unknown>) => [String(t.status)],
	action: (t: Record<string, unknown>) => [String(t.action)],
	account: (t: Record<string, unknown>) => [String(t.account), ...((t.tasks as Array<{ accountName: string }>) ?? []).map((s) => s.accountName)],
};

export const accountRoutes: Route<VisionOneState>[] = [
	...ACTIONS.map(
		([path, action]): Route<VisionOneState> => ({
			method: 'POST',
			path: `/v3.0/response/domainAccounts/${path}`,
			bucket: '/v3.0/response',
			handle(state, req): SandboxResponse {
				if (!Array.isArray(req.body) || req.body.length === 0) return badRequest('The request body must be a non-empty JSON array of {accountName, description}.');
				if (req.body.length > 100) return badRequest('At most 100 accounts per request.');
				return multiStatus(req.body, (item) => submit(state, req, action, item), (result) => ({
					status: result.status,
					...(result.headers ? { headers: Object.entries(result.headers).map(([name, value]) => ({ name, value })) } : {}),
					...(result.body ? { body: result.body } : {}),
				}));
			},
		}),
	),
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
			let tasks = state.tasks.list().map((t) => renderTask(state, t));
			const filter = req.query.get('filter');
			if (filter) {
				try {
					const predicate = parseFilter(filter, TASK_FIELDS);
					tasks = tasks.filter(predicate);
				} catch (error) {
					return badRequest(`Invalid filter: ${(error as Error).message}`);
				}
			}
			tasks.reverse();
			const skip = Number(req.query.get('skipToken') ? Buffer.from(req.query.get('skipToken')!, 'base64url').toString() : 0) || 0;
			const page = tasks.slice(skip, skip + top);
			const next = skip + top < tasks.length ? `${req.baseUrl}/v3.0/response/tasks?top=${top}${filter ? `&filter=${encodeURIComponent(filter)}` : ''}&skipToken=${Buffer.from(String(skip + top)).toString('base64url')}` : undefined;
			return { status: 200, body: { totalCount: tasks.length, count: page.length, items: page, ...(next ? { nextLink: next } : {}) } };
		},
	},
];
