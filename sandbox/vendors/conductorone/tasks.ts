import { z } from 'zod';

import type { Route, SandboxRequest, SandboxResponse } from '../../framework/types';
import { c1Error, notFound } from './errors';
import { expander } from './directory';
import { page, pageFields } from './paging';
import type { C1Task, ConductorOneState, TaskKind } from './state';
import { XSOAR_APP_ID, offboardXsoar, provisionXsoarRole } from './xsoarConnector';

const expandMask = z.object({ paths: z.array(z.string()).optional() }).strict().optional();
/** A protobuf Duration in JSON: seconds with an `s` suffix, e.g. "3600s". */
const duration = z.string().regex(/^\d+(\.\d+)?s$/, 'must be a duration such as "3600s"');

const grantBody = z
	.object({
		appId: z.string().min(1),
		appEntitlementId: z.string().min(1),
		identityUserId: z.string().optional(),
		appUserId: z.string().optional(),
		description: z.string().optional(),
		grantDuration: duration.optional(),
		emergencyAccess: z.boolean().optional(),
		requestData: z.record(z.unknown()).optional(),
		expandMask,
	})
	.strict();
const revokeBody = z
	.object({ appId: z.string().min(1), appEntitlementId: z.string().min(1), identityUserId: z.string().optional(), appUserId: z.string().optional(), description: z.string().optional(), expandMask })
	.strict();
const offboardingBody = z.object({ subjectUserId: z.string().min(1), description: z.string().optional(), expandMask }).strict();
const actionBody = z.object({ comment: z.string().optional(), policyStepId: z.string().optional(), expandMask }).strict();
const commentBody = z.object({ comment: z.string().min(1), expandMask }).strict();
const searchBody = z
	.object({
		taskStates: z.array(z.enum(['TASK_STATE_OPEN', 'TASK_STATE_CLOSED'])).optional(),
		taskTypes: z.array(z.object({ grant: z.object({}).passthrough().optional(), revoke: z.object({}).passthrough().optional(), offboarding: z.object({}).passthrough().optional() }).strict()).optional(),
		subjectIds: z.array(z.string()).optional(),
		appEntitlementIds: z.array(z.string()).optional(),
		openerIds: z.array(z.string()).optional(),
		query: z.string().optional(),
		expandMask,
		...pageFields,
	})
	.strict();

const OUTCOME: Record<TaskKind, { done: string; denied: string; error: string }> = {
	grant: { done: 'GRANT_OUTCOME_GRANTED', denied: 'GRANT_OUTCOME_DENIED', error: 'GRANT_OUTCOME_ERROR' },
	revoke: { done: 'REVOKE_OUTCOME_REVOKED', denied: 'REVOKE_OUTCOME_DENIED', error: 'REVOKE_OUTCOME_ERROR' },
	offboarding: { done: 'OFFBOARDING_OUTCOME_DONE', denied: 'OFFBOARDING_OUTCOME_CANCELLED', error: 'OFFBOARDING_OUTCOME_ERROR' },
};

const kindOf = (task: C1Task) => Object.keys(task.type)[0] as TaskKind;

/** A task's view with `...Path` pointers into `expanded[]` for what the expand mask asks for. */
function view(state: ConductorOneState, task: C1Task, mask: { paths?: string[] } | undefined, out = expander()) {
	const wants = (path: string) => Boolean(mask?.paths?.some((p) => p === '*' || p === path));
	const detail = task.type[kindOf(task)];
	const paths: Record<string, string | undefined> = {};
	if (wants('app_id')) paths.appPath = out.add('c1.api.app.v1.App', state.apps.find((a) => a.id === detail.appId));
	if (wants('app_user_id')) paths.appUserPath = out.add('c1.api.app.v1.AppUser', state.appUsers.find((u) => u.id === detail.appUserId));
	if (wants('identity_user_id')) paths.identityUserPath = out.add('c1.api.user.v1.User', state.users.find((u) => u.id === (detail.identityUserId ?? detail.subjectUserId)));
	if (wants('app_entitlement_ids')) paths.entitlementsPath = out.add('c1.api.app.v1.AppEntitlement', state.entitlements.find((e) => e.id === detail.appEntitlementId));
	const visible: Partial<C1Task> = { ...task };
	delete visible.comments;
	delete visible.provisionReadsLeft;
	return { view: { task: visible, ...Object.fromEntries(Object.entries(paths).filter(([, v]) => v)) }, expanded: out.expanded };
}

function respond(state: ConductorOneState, task: C1Task, mask: { paths?: string[] } | undefined, extra: Record<string, unknown> = {}): SandboxResponse {
	const { view: taskView, expanded } = view(state, task, mask);
	return { status: 200, body: { taskView, expanded, ...extra } };
}

/** Carries out what a task asks once provisioning is over: grants add a binding, revokes and offboarding remove them. */
function provision(state: ConductorOneState, task: C1Task): void {
	const kind = kindOf(task);
	const detail = task.type[kind];
	const now = state.clock.iso();
	if (kind !== 'offboarding' && detail.appId === XSOAR_APP_ID) {
		// A connector-provisioned app: the change is made in XSOAR first, and only what XSOAR took is mirrored.
		const failed = provisionXsoarRole(state, kind, String(detail.appEntitlementId), String(detail.appUserId));
		if (failed) {
			close(state, task, OUTCOME[kind].error);
			return;
		}
	}
	if (kind === 'grant') {
		const seconds = typeof detail.grantDuration === 'string' ? parseFloat(detail.grantDuration) : undefined;
		const already = state.bindings.some((b) => b.appEntitlementId === detail.appEntitlementId && b.appUserId === detail.appUserId);
		if (!already) {
			state.bindings.push({
				appId: String(detail.appId),
				appEntitlementId: String(detail.appEntitlementId),
				appUserId: String(detail.appUserId),
				createdAt: now,
				...(seconds ? { deprovisionAt: new Date(state.clock.now() + seconds * 1000).toISOString() } : {}),
				grantSources: [],
			});
		}
	} else if (kind === 'revoke') {
		state.bindings = state.bindings.filter((b) => !(b.appEntitlementId === detail.appEntitlementId && b.appUserId === detail.appUserId));
	} else {
		const accounts = new Set(state.appUsers.filter((u) => u.identityUserId === detail.subjectUserId).map((u) => u.id));
		offboardXsoar(state, accounts);
		state.bindings = state.bindings.filter((b) => !accounts.has(b.appUserId));
	}
	close(state, task, OUTCOME[kind].done);
}

function close(state: ConductorOneState, task: C1Task, outcome: string): void {
	const now = state.clock.iso();
	task.type[kindOf(task)].outcome = outcome;
	task.type[kindOf(task)].outcomeTime = now;
	task.state = 'TASK_STATE_CLOSED';
	task.processing = 'TASK_PROCESSING_TYPE_DONE';
	task.updatedAt = now;
	delete task.provisionReadsLeft;
}

/** A read moves a provisioning task on: it finishes at the second read after provisioning started. */
function read(state: ConductorOneState, task: C1Task): C1Task {
	if (task.provisionReadsLeft !== undefined) {
		task.provisionReadsLeft--;
		if (task.provisionReadsLeft <= 0) provision(state, task);
	}
	return task;
}

function startProvisioning(task: C1Task, now: string): void {
	task.processing = 'TASK_PROCESSING_TYPE_PROCESSING';
	task.provisionReadsLeft = 2;
	task.updatedAt = now;
}

function newTask(state: ConductorOneState, req: SandboxRequest, kind: TaskKind, detail: Record<string, unknown>, input: { description?: string; emergencyAccess?: boolean }, policyId: string, subject: { id: string; name: string }, what: string): C1Task {
	const policy = state.policies.find((p) => p.id === policyId)!;
	const now = state.clock.iso();
	const number = state.tasks.length + 1;
	const approval = policy.kind === 'approval' && !input.emergencyAccess;
	const task: C1Task = {
		id: `task-${String(number).padStart(5, '0')}`,
		numericId: String(1000 + number),
		displayName: `${kind === 'grant' ? 'Grant' : kind === 'revoke' ? 'Revoke' : 'Offboard'} ${what} ${kind === 'grant' ? 'to' : 'from'} ${subject.name}`.replace(/ {2,}/g, ' ').trim(),
		description: input.description ?? '',
		state: 'TASK_STATE_OPEN',
		processing: approval ? 'TASK_PROCESSING_TYPE_WAITING' : 'TASK_PROCESSING_TYPE_PROCESSING',
		origin: 'TASK_ORIGIN_API',
		emergencyAccess: input.emergencyAccess === true,
		stepApproverIds: approval ? [...policy.approverIds] : [],
		createdByUserId: req.principal ?? '',
		userId: subject.id,
		commentCount: 0,
		createdAt: now,
		updatedAt: now,
		type: { [kind]: { ...detail, outcome: `${kind.toUpperCase()}_OUTCOME_UNSPECIFIED` } },
		policy: { policyId: policy.id, current: { id: approval ? 'step-approval' : 'step-provision', ...(approval ? { approval: { userIds: policy.approverIds } } : {}) }, history: [] },
		comments: [],
	};
	if (!approval) task.provisionReadsLeft = 2;
	state.tasks.push(task);
	return task;
}

/** Resolves the account a grant or revoke is for: `appUserId`, or the identity's account in the app (exactly one of them). */
function account(state: ConductorOneState, body: { appId: string; identityUserId?: string; appUserId?: string }): { appUserId: string; userId: string } | SandboxResponse {
	if ((body.identityUserId ? 1 : 0) + (body.appUserId ? 1 : 0) !== 1) {
		return c1Error('INVALID_ARGUMENT', 'invalid request: exactly one of identityUserId or appUserId must be set');
	}
	const appUser = body.appUserId
		? state.appUsers.find((u) => u.id === body.appUserId && u.appId === body.appId)
		: state.appUsers.find((u) => u.identityUserId === body.identityUserId && u.appId === body.appId);
	if (!appUser) return c1Error('FAILED_PRECONDITION', `no account in app ${body.appId} for ${body.appUserId ?? body.identityUserId}`);
	// A synced account no identity claims (no user with its email) has nobody to open the task for.
	if (!appUser.identityUserId) return c1Error('FAILED_PRECONDITION', `app user ${appUser.id} is not linked to an identity user`);
	return { appUserId: appUser.id, userId: appUser.identityUserId };
}

function findTask(state: ConductorOneState, id: string): C1Task | SandboxResponse {
	return state.tasks.find((t) => t.id === id) ?? notFound('task', id);
}

/** A task an approver can act on now: open and waiting for its approval step. */
function taskAwaitingApproval(state: ConductorOneState, id: string): C1Task | SandboxResponse {
	const task = findTask(state, id);
	if ('status' in task) return task;
	if (task.state !== 'TASK_STATE_OPEN' || task.processing !== 'TASK_PROCESSING_TYPE_WAITING') {
		return c1Error('FAILED_PRECONDITION', `task ${task.id} is not waiting for an approval (state ${task.state}, processing ${task.processing})`);
	}
	return task;
}

export const taskRoutes: Route<ConductorOneState>[] = [
	{
		method: 'POST',
		path: '/api/v1/task/grant',
		body: grantBody,
		handle(state, req) {
			const body = req.body as z.infer<typeof grantBody>;
			const entitlement = state.entitlements.find((e) => e.id === body.appEntitlementId && e.appId === body.appId);
			if (!entitlement) return notFound('app entitlement', body.appEntitlementId);
			if (body.emergencyAccess && !entitlement.emergencyGrantEnabled) return c1Error('FAILED_PRECONDITION', `emergency access is not enabled for entitlement ${entitlement.id}`);
			const target = account(state, body);
			if ('status' in target) return target;
			const subject = state.users.find((u) => u.id === target.userId)!;
			const task = newTask(state, req, 'grant', { appId: body.appId, appEntitlementId: entitlement.id, appUserId: target.appUserId, identityUserId: target.userId, ...(body.grantDuration ? { grantDuration: body.grantDuration } : {}) }, body, entitlement.grantPolicyId, { id: subject.id, name: subject.displayName }, entitlement.displayName);
			return respond(state, task, body.expandMask);
		},
	},
	{
		method: 'POST',
		path: '/api/v1/task/revoke',
		body: revokeBody,
		handle(state, req) {
			const body = req.body as z.infer<typeof revokeBody>;
			const entitlement = state.entitlements.find((e) => e.id === body.appEntitlementId && e.appId === body.appId);
			if (!entitlement) return notFound('app entitlement', body.appEntitlementId);
			const target = account(state, body);
			if ('status' in target) return target;
			if (!state.bindings.some((b) => b.appEntitlementId === entitlement.id && b.appUserId === target.appUserId)) {
				return c1Error('FAILED_PRECONDITION', `app user ${target.appUserId} does not hold entitlement ${entitlement.id}`);
			}
			const subject = state.users.find((u) => u.id === target.userId)!;
			const task = newTask(state, req, 'revoke', { appId: body.appId, appEntitlementId: entitlement.id, appUserId: target.appUserId, identityUserId: target.userId }, body, entitlement.revokePolicyId, { id: subject.id, name: subject.displayName }, entitlement.displayName);
			return respond(state, task, body.expandMask);
		},
	},
	{
		method: 'POST',
		path: '/api/v1/task/offboarding',
		body: offboardingBody,
		handle(state, req) {
			const body = req.body as z.infer<typeof offboardingBody>;
			const subject = state.users.find((u) => u.id === body.subjectUserId);
			if (!subject) return notFound('user', body.subjectUserId);
			const task = newTask(state, req, 'offboarding', { subjectUserId: subject.id }, body, 'pol-auto', { id: subject.id, name: subject.displayName }, '');
			task.type.offboarding.outcome = 'OFFBOARDING_OUTCOME_IN_PROGRESS';
			return respond(state, task, body.expandMask);
		},
	},
	{
		method: 'GET',
		path: '/api/v1/tasks/:id',
		handle(state, req) {
			const task = findTask(state, req.params.id);
			if ('status' in task) return task;
			return respond(state, read(state, task), { paths: ['*'] });
		},
	},
	{
		method: 'POST',
		path: '/api/v1/search/tasks',
		body: searchBody,
		handle(state, req) {
			const q = req.body as z.infer<typeof searchBody>;
			const found = state.tasks.filter((t) => {
				const detail = t.type[kindOf(t)];
				return (
					(!q.taskStates?.length || q.taskStates.includes(t.state)) &&
					(!q.taskTypes?.length || q.taskTypes.some((type) => Object.keys(type).includes(kindOf(t)))) &&
					(!q.subjectIds?.length || q.subjectIds.includes(t.userId)) &&
					(!q.appEntitlementIds?.length || q.appEntitlementIds.includes(String(detail.appEntitlementId))) &&
					(!q.openerIds?.length || q.openerIds.includes(t.createdByUserId)) &&
					(!q.query || t.displayName.toLowerCase().includes(q.query.toLowerCase()))
				);
			});
			const out = expander();
			const list = found.map((t) => view(state, t, q.expandMask, out).view);
			return page(list, q.pageSize, q.pageToken, { expanded: out.expanded });
		},
	},
	{
		method: 'POST',
		path: '/api/v1/tasks/:taskId/action/approve',
		body: actionBody,
		handle(state, req) {
			const task = taskAwaitingApproval(state, req.params.taskId);
			if ('status' in task) return task;
			const body = req.body as z.infer<typeof actionBody>;
			task.policy.history.push({ id: 'step-approval', approved: { approvedAt: state.clock.iso(), userId: req.principal, comment: body.comment ?? '' } });
			task.policy.current = { id: 'step-provision' };
			task.stepApproverIds = [];
			startProvisioning(task, state.clock.iso());
			return respond(state, task, body.expandMask, { ticketActionId: `act-${task.id}-approve` });
		},
	},
	{
		method: 'POST',
		path: '/api/v1/tasks/:taskId/action/deny',
		body: actionBody,
		handle(state, req) {
			const task = taskAwaitingApproval(state, req.params.taskId);
			if ('status' in task) return task;
			const body = req.body as z.infer<typeof actionBody>;
			task.policy.history.push({ id: 'step-approval', denied: { deniedAt: state.clock.iso(), userId: req.principal, comment: body.comment ?? '' } });
			delete task.policy.current;
			task.stepApproverIds = [];
			close(state, task, OUTCOME[kindOf(task)].denied);
			return respond(state, task, body.expandMask, { ticketActionId: `act-${task.id}-deny` });
		},
	},
	{
		method: 'POST',
		path: '/api/v1/tasks/:taskId/action/comment',
		body: commentBody,
		handle(state, req) {
			const task = findTask(state, req.params.taskId);
			if ('status' in task) return task;
			const body = req.body as z.infer<typeof commentBody>;
			task.comments.push({ userId: req.principal ?? '', comment: body.comment, createdAt: state.clock.iso() });
			task.commentCount = task.comments.length;
			task.updatedAt = state.clock.iso();
			return respond(state, task, body.expandMask, { ticketActionId: `act-${task.id}-comment-${task.commentCount}` });
		},
	},
];
