import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { ConductorOneState } from '../../sandbox/vendors/conductorone/state';
import { C1_NODE, c1Workflow } from './workflow';

const ALICE = 'u-alice';

describe('ConductorOne grants and access tasks (engine against the sandbox)', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		// A reset forgets the tokens the sandbox issued: start without one rather than with a 401 on every first call.
		env.engine.credentials.secOpsConductorOneApi.accessToken = '';
	});

	const state = () => env.sandbox.state<ConductorOneState>('conductorone');
	const run = async (parameters: IDataObject, options: { onError?: string } = {}) => {
		const result = await env.engine.run(c1Workflow(parameters, options));
		return { json: result.json(C1_NODE), error: result.error(C1_NODE) };
	};
	const ok = async (parameters: IDataObject) => {
		const { json, error } = await run(parameters);
		expect(error?.message).toBeUndefined();
		return json;
	};
	const holds = (appUserId: string, entitlementId: string) => state().bindings.some((b) => b.appUserId === appUserId && b.appEntitlementId === entitlementId);
	const calls = () => env.sandbox.requests.map((r) => `${r.method} ${r.path}`);

	it('Grant Search by user returns the blast radius; a limit is the page size in the body', async () => {
		const grants = await ok({ resource: 'grant', operation: 'search', searchBy: 'user', userId: ALICE, returnAll: true });
		expect(grants).toHaveLength(17);
		expect(grants.map((g) => g.appName)).toEqual(expect.arrayContaining(['AWS Production', 'GitHub', 'Okta', 'Salesforce']));
		expect(grants[0]).toEqual(expect.objectContaining({ appUserId: expect.stringMatching(/^au-/), entitlementName: expect.any(String), identityUserId: ALICE }));
		const searches = env.sandbox.requests.filter((r) => r.path === '/api/v1/search/grants');
		expect(searches).toHaveLength(1); // pageSize 100 fits all 17
		expect(searches[0].body).toEqual(expect.objectContaining({ userId: ALICE, pageSize: 100, expandMask: { paths: ['app_id', 'app_user_id'] } }));

		env.sandbox.requests.length = 0;
		const limited = await ok({ resource: 'grant', operation: 'search', searchBy: 'app', appId: 'app-github', limit: 12 });
		expect(limited).toHaveLength(12);
		expect(env.sandbox.requests.map((r) => (r.body as IDataObject).pageSize)).toEqual([12]);
	});

	it('Grant Search by entitlement finds who holds it', async () => {
		const holders = await ok({ resource: 'grant', operation: 'search', searchBy: 'entitlement', appId: 'app-okta', entitlementId: 'ent-okta-member', returnAll: true });
		expect(holders.map((h) => h.appUserId).sort()).toEqual(['au-okta-alice', 'au-okta-bob', 'au-okta-carol', 'au-okta-dan']);
	});

	it('Create Revoke without approval: waits and reports revoked; the grant is gone', async () => {
		const [task] = await ok({ resource: 'task', operation: 'createRevoke', appId: 'app-github', entitlementId: 'ent-github-member', userId: ALICE, reason: 'INC-1 compromised', waitForCompletion: true, waitSeconds: 20 });
		expect(task).toEqual(expect.objectContaining({ outcome: 'revoked', taskType: 'revoke', state: 'TASK_STATE_CLOSED', stillRunning: false, appUserId: 'au-github-alice' }));
		expect(task.app).toEqual(expect.objectContaining({ displayName: 'GitHub' }));
		expect(holds('au-github-alice', 'ent-github-member')).toBe(false);
		const create = env.sandbox.requests.find((r) => r.path === '/api/v1/task/revoke')!;
		expect(create.body).toEqual(expect.objectContaining({ appId: 'app-github', appEntitlementId: 'ent-github-member', identityUserId: ALICE, description: 'INC-1 compromised' }));
	});

	it('Create Revoke that needs approval: awaitingApproval within the budget, then Approve and Get with wait → revoked', async () => {
		const [pending] = await ok({ resource: 'task', operation: 'createRevoke', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: ALICE, waitForCompletion: true, waitSeconds: 1 });
		expect(pending).toEqual(expect.objectContaining({ outcome: 'awaitingApproval', stillRunning: true, state: 'TASK_STATE_OPEN' }));
		expect(holds('au-aws-alice', 'ent-aws-admin')).toBe(true);
		const [approved] = await ok({ resource: 'task', operation: 'approve', taskId: pending.taskId, comment: 'approved by IR lead' });
		expect(approved.outcome).toBe('inProgress');
		const [done] = await ok({ resource: 'task', operation: 'get', taskId: pending.taskId, waitForCompletion: true, waitSeconds: 20 });
		expect(done).toEqual(expect.objectContaining({ outcome: 'revoked', stillRunning: false }));
		expect(holds('au-aws-alice', 'ent-aws-admin')).toBe(false);
	});

	it('a denied revoke leaves the grant; denying again reports alreadyDenied; approving it is a ConductorOne error', async () => {
		const [pending] = await ok({ resource: 'task', operation: 'createRevoke', appId: 'app-salesforce', entitlementId: 'ent-salesforce-admin', userId: ALICE });
		expect(pending.outcome).toBe('awaitingApproval');
		const [denied] = await ok({ resource: 'task', operation: 'deny', taskId: pending.taskId, comment: 'false positive' });
		expect(denied).toEqual(expect.objectContaining({ outcome: 'denied', state: 'TASK_STATE_CLOSED' }));
		expect(holds('au-salesforce-alice', 'ent-salesforce-admin')).toBe(true);
		const [again] = await ok({ resource: 'task', operation: 'deny', taskId: pending.taskId });
		expect(again.outcome).toBe('alreadyDenied');
		const refused = await run({ resource: 'task', operation: 'approve', taskId: pending.taskId });
		expect(refused.error?.message).toMatch(/ConductorOne.*not waiting for an approval/);
	});

	it('Create Revoke of access no longer held is reported as alreadyRevoked', async () => {
		await ok({ resource: 'task', operation: 'createRevoke', appId: 'app-github', entitlementId: 'ent-github-member', userId: ALICE, waitForCompletion: true, waitSeconds: 20 });
		const [again] = await ok({ resource: 'task', operation: 'createRevoke', appId: 'app-github', entitlementId: 'ent-github-member', userId: ALICE });
		expect(again.outcome).toBe('alreadyRevoked');
	});

	it('Create Grant with a duration and emergency access skips approval and sets deprovisionAt; Dry Run sends nothing', async () => {
		const [preview] = await ok({ resource: 'task', operation: 'createGrant', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: 'u-carol', durationMinutes: 60, emergencyAccess: true, dryRun: true });
		expect(preview).toEqual(expect.objectContaining({ dryRun: true, method: 'POST', url: expect.stringMatching(/\/api\/v1\/task\/grant$/) }));
		expect((preview.body as IDataObject).grantDuration).toBe('3600s');
		expect(calls().filter((c) => c.includes('/task/'))).toEqual([]);
		const [granted] = await ok({ resource: 'task', operation: 'createGrant', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: 'u-carol', durationMinutes: 60, emergencyAccess: true, waitForCompletion: true, waitSeconds: 20 });
		expect(granted).toEqual(expect.objectContaining({ outcome: 'granted', taskType: 'grant', appUserId: 'au-aws-carol' }));
		expect(state().bindings.find((b) => b.appUserId === 'au-aws-carol' && b.appEntitlementId === 'ent-aws-admin')?.deprovisionAt).toEqual(expect.any(String));
	});

	it('Create Offboarding removes every grant of the user; Search and Comment find and annotate tasks', async () => {
		const [task] = await ok({ resource: 'task', operation: 'createOffboarding', userId: 'u-dan', reason: 'INC-2', waitForCompletion: true, waitSeconds: 20 });
		expect(task.outcome).toBe('offboarded');
		expect(state().bindings.filter((b) => b.appUserId.endsWith('-dan'))).toEqual([]);
		await ok({ resource: 'task', operation: 'createRevoke', appId: 'app-aws', entitlementId: 'ent-aws-admin', userId: ALICE });
		const open = await ok({ resource: 'task', operation: 'search', subjectUserId: ALICE, taskState: 'TASK_STATE_OPEN', taskTypes: ['revoke'], returnAll: true });
		expect(open).toHaveLength(1);
		expect(open[0]).toEqual(expect.objectContaining({ outcome: 'awaitingApproval', taskType: 'revoke', identityUser: expect.objectContaining({ email: 'alice.anders@acme.example' }) }));
		const [commented] = await ok({ resource: 'task', operation: 'comment', taskId: open[0].taskId, comment: 'Linked to INC-3' });
		expect((commented.task as IDataObject).commentCount).toBe(1);
		const search = env.sandbox.requests.find((r) => r.path === '/api/v1/search/tasks')!;
		expect(search.body).toEqual(expect.objectContaining({ subjectIds: [ALICE], taskStates: ['TASK_STATE_OPEN'], taskTypes: [{ revoke: {} }] }));
	});

	it('Revoke All Access: Dry Run lists what would be revoked; the run opens one revoke per grant, items carry the reverse', async () => {
		const preview = await ok({ resource: 'access', operation: 'revokeAll', userId: ALICE, scope: 'apps', appIds: 'app-aws, app-salesforce', dryRun: true });
		expect(preview.map((p) => `${p.outcome} ${p.appEntitlementId}`).sort()).toEqual(['wouldRevoke ent-aws-admin', 'wouldRevoke ent-aws-readonly', 'wouldRevoke ent-salesforce-admin']);
		expect(state().tasks).toHaveLength(0);
		const revoked = await ok({ resource: 'access', operation: 'revokeAll', userId: ALICE, scope: 'apps', appIds: 'app-aws, app-salesforce', reason: 'INC-4', waitForCompletion: true, waitSeconds: 1 });
		expect(revoked.map((r) => `${r.appEntitlementId} ${r.outcome}`).sort()).toEqual(['ent-aws-admin awaitingApproval', 'ent-aws-readonly revoked', 'ent-salesforce-admin awaitingApproval']);
		expect(revoked.every((r) => typeof r.appUserId === 'string' && typeof r.appId === 'string')).toBe(true);
		expect(holds('au-aws-alice', 'ent-aws-readonly')).toBe(false);
		// The reverse: a grant task per revoked entitlement, from the items.
		const back = revoked.find((r) => r.outcome === 'revoked')!;
		const [regrant] = await ok({ resource: 'task', operation: 'createGrant', appId: back.appId, entitlementId: back.appEntitlementId, subjectType: 'appUser', appUserId: back.appUserId, waitForCompletion: true, waitSeconds: 2 });
		expect(regrant.outcome).toBe('awaitingApproval'); // AWS grants need the manager's approval
	});

	it('Revoke All Access of chosen entitlements, and nothing to revoke', async () => {
		const revoked = await ok({ resource: 'access', operation: 'revokeAll', userId: ALICE, scope: 'entitlements', appIds: 'app-github', entitlementIds: 'ent-github-repo-001-write,ent-github-repo-002-write', waitForCompletion: true, waitSeconds: 20 });
		expect(revoked.map((r) => r.outcome)).toEqual(['revoked', 'revoked']);
		const none = await ok({ resource: 'access', operation: 'revokeAll', userId: ALICE, scope: 'entitlements', appIds: 'app-github', entitlementIds: 'ent-github-repo-001-write' });
		expect(none).toEqual([expect.objectContaining({ outcome: 'nothingToRevoke', userId: ALICE })]);
	});
});
