import type { IDataObject } from 'n8n-workflow';

import { Clock } from '../../sandbox/framework/clock';
import { conductorone } from '../../sandbox/vendors/conductorone';
import type { ConductorOneState } from '../../sandbox/vendors/conductorone/state';
import type { XsoarState, XsoarUser } from '../../sandbox/vendors/xsoar/state';
import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { C1_NODE, c1Workflow } from './workflow';

/** Carol's account in XSOAR, made by an XSOAR admin: her email is her ConductorOne identity's, so the sync links them. */
const CAROL_IN_XSOAR: XsoarUser = {
	id: 'carol.chen',
	version: 1,
	username: 'carol.chen',
	name: 'Carol Chen',
	firstName: 'Carol',
	lastName: 'Chen',
	email: 'carol.chen@acme.example',
	roles: { roles: ['Analyst', 'Incident Responder'] },
	disabled: false,
};
const APP = 'app-xsoar';
const RESPONDER = 'ent-xsoar-role-incident-responder';

describe('ConductorOne: the Cortex XSOAR connector of the sandbox acts on the hosted XSOAR (engine)', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		env.engine.credentials.secOpsConductorOneApi.accessToken = '';
	});

	const c1 = () => env.sandbox.state<ConductorOneState>('conductorone');
	const xsoarRoles = (id: string) => env.sandbox.state<XsoarState>('xsoar').users.find((u) => u.id === id)?.roles;
	const holds = (entitlementId: string) => c1().bindings.some((b) => b.appUserId === 'au-xsoar-carol.chen' && b.appEntitlementId === entitlementId);
	const ok = async (parameters: IDataObject) => {
		const result = await env.engine.run(c1Workflow(parameters));
		expect(result.error(C1_NODE)?.message).toBeUndefined();
		return result.json(C1_NODE);
	};
	const carolsXsoarAccounts = () => ok({ resource: 'appUser', operation: 'search', searchBy: 'user', userId: 'u-carol', appId: APP, returnAll: true });
	/** Force Sync, then read the connector until the queued sync is done (two reads in the sandbox). */
	const forceSync = async () => {
		const [queued] = await ok({ resource: 'connector', operation: 'forceSync', appId: APP, connectorId: 'conn-xsoar' });
		expect(queued.outcome).toBe('syncQueued');
		const [running] = await ok({ resource: 'connector', operation: 'getMany', appId: APP, returnAll: true });
		const [done] = await ok({ resource: 'connector', operation: 'getMany', appId: APP, returnAll: true });
		return { running, done };
	};
	const addCarolToXsoarAndSync = async () => {
		env.sandbox.state<XsoarState>('xsoar').users.push(structuredClone(CAROL_IN_XSOAR));
		await forceSync();
	};

	it('the XSOAR app has one entitlement per XSOAR role; a user added in XSOAR appears after a Force Sync, not before', async () => {
		const entitlements = await ok({ resource: 'entitlement', operation: 'getMany', appId: APP, returnAll: true });
		expect(entitlements.map((e) => e.displayName).sort()).toEqual(env.sandbox.state<XsoarState>('xsoar').roles.map((r) => `Role: ${r.name}`).sort());

		env.sandbox.state<XsoarState>('xsoar').users.push(structuredClone(CAROL_IN_XSOAR));
		expect(await carolsXsoarAccounts()).toEqual([]);
		const { running, done } = await forceSync();
		expect(running).toEqual(expect.objectContaining({ status: expect.objectContaining({ status: 'SYNC_STATUS_RUNNING' }) }));
		expect(done).toEqual(expect.objectContaining({ status: expect.objectContaining({ status: 'SYNC_STATUS_DONE' }) }));
		expect(await carolsXsoarAccounts()).toEqual([expect.objectContaining({ id: 'au-xsoar-carol.chen', identityUserId: 'u-carol', username: 'carol.chen' })]);
		const grants = await ok({ resource: 'grant', operation: 'search', searchBy: 'user', userId: 'u-carol', returnAll: true });
		expect(grants.filter((g) => g.appId === APP).map((g) => g.appEntitlementId).sort()).toEqual(['ent-xsoar-role-analyst', RESPONDER]);
	});

	it('an approved revoke removes the role from the XSOAR user, and a later sync agrees', async () => {
		await addCarolToXsoarAndSync();
		const [pending] = await ok({ resource: 'task', operation: 'createRevoke', appId: APP, entitlementId: RESPONDER, userId: 'u-carol', reason: 'INC-7 contained', waitForCompletion: true, waitSeconds: 1 });
		expect(pending).toEqual(expect.objectContaining({ outcome: 'awaitingApproval', stillRunning: true }));
		expect(xsoarRoles('carol.chen')).toEqual({ roles: ['Analyst', 'Incident Responder'] });
		await ok({ resource: 'task', operation: 'approve', taskId: pending.taskId, comment: 'approved by IR lead' });
		const [done] = await ok({ resource: 'task', operation: 'get', taskId: pending.taskId, waitForCompletion: true, waitSeconds: 20 });
		expect(done).toEqual(expect.objectContaining({ outcome: 'revoked', stillRunning: false }));
		expect(xsoarRoles('carol.chen')).toEqual({ roles: ['Analyst'] });
		expect(holds(RESPONDER)).toBe(false);
		await forceSync();
		expect(holds(RESPONDER)).toBe(false);
		expect(holds('ent-xsoar-role-analyst')).toBe(true);
	});

	it('an approved grant adds the role in XSOAR', async () => {
		await addCarolToXsoarAndSync();
		const [pending] = await ok({ resource: 'task', operation: 'createGrant', appId: APP, entitlementId: 'ent-xsoar-role-administrator', userId: 'u-carol' });
		expect(pending.outcome).toBe('awaitingApproval');
		await ok({ resource: 'task', operation: 'approve', taskId: pending.taskId });
		const [done] = await ok({ resource: 'task', operation: 'get', taskId: pending.taskId, waitForCompletion: true, waitSeconds: 20 });
		expect(done.outcome).toBe('granted');
		expect(xsoarRoles('carol.chen')).toEqual({ roles: ['Analyst', 'Incident Responder', 'Administrator'] });
		expect(holds('ent-xsoar-role-administrator')).toBe(true);
	});

	it('a denied revoke changes nothing in XSOAR', async () => {
		await addCarolToXsoarAndSync();
		const before = structuredClone(env.sandbox.state<XsoarState>('xsoar').users);
		const [pending] = await ok({ resource: 'task', operation: 'createRevoke', appId: APP, entitlementId: RESPONDER, userId: 'u-carol' });
		const [denied] = await ok({ resource: 'task', operation: 'deny', taskId: pending.taskId, comment: 'false positive' });
		expect(denied).toEqual(expect.objectContaining({ outcome: 'denied', state: 'TASK_STATE_CLOSED' }));
		expect(env.sandbox.state<XsoarState>('xsoar').users).toEqual(before);
		expect(holds(RESPONDER)).toBe(true);
	});

	it('offboarding removes every XSOAR role of the user', async () => {
		await addCarolToXsoarAndSync();
		const [done] = await ok({ resource: 'task', operation: 'createOffboarding', userId: 'u-carol', waitForCompletion: true, waitSeconds: 20 });
		expect(done.outcome).toBe('offboarded');
		expect(xsoarRoles('carol.chen')).toEqual({ roles: [] });
		expect(xsoarRoles('bob')).toEqual({ roles: ['Analyst', 'Incident Responder'] });
	});

	it('a revoke XSOAR can no longer carry out (the user is gone from XSOAR) ends in error and keeps the grant', async () => {
		await addCarolToXsoarAndSync();
		const [pending] = await ok({ resource: 'task', operation: 'createRevoke', appId: APP, entitlementId: RESPONDER, userId: 'u-carol' });
		const xsoar = env.sandbox.state<XsoarState>('xsoar');
		xsoar.users = xsoar.users.filter((u) => u.id !== 'carol.chen');
		await ok({ resource: 'task', operation: 'approve', taskId: pending.taskId });
		const [done] = await ok({ resource: 'task', operation: 'get', taskId: pending.taskId, waitForCompletion: true, waitSeconds: 20 });
		expect(done).toEqual(expect.objectContaining({ outcome: 'error', vendorOutcome: 'REVOKE_OUTCOME_ERROR' }));
		expect(holds(RESPONDER)).toBe(true);
	});

	it('XSOAR accounts no identity claims are synced unlinked, and tasks for them are refused', async () => {
		const alice = c1().appUsers.find((u) => u.id === 'au-xsoar-alice');
		expect(alice).toEqual(expect.objectContaining({ identityUserId: '', email: 'alice@acme.example' }));
		const result = await env.engine.run(c1Workflow({ resource: 'task', operation: 'createRevoke', appId: APP, entitlementId: 'ent-xsoar-role-analyst', subjectType: 'appUser', appUserId: 'au-xsoar-alice' }));
		expect(result.error(C1_NODE)?.message ?? '').toMatch(/not linked to an identity user/);
	});
});

describe('ConductorOne sandbox without a hosted XSOAR', () => {
	it('has no XSOAR app or connector', () => {
		const state = conductorone.createState(new Clock(), { state: () => undefined });
		expect(state.apps.map((a) => a.id)).toEqual(['app-okta', 'app-aws', 'app-github', 'app-salesforce']);
		expect(state.connectors.some((c) => c.appId === 'app-xsoar')).toBe(false);
		expect(state.entitlements.some((e) => e.appId === 'app-xsoar')).toBe(false);
	});
});
