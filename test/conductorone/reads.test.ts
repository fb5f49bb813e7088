import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { ConductorOneState } from '../../sandbox/vendors/conductorone/state';
import { C1_NODE, c1Workflow } from './workflow';

describe('ConductorOne reads: users, apps, entitlements, app users, connectors', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => {
		env.sandbox.reset();
		// A reset forgets the tokens the sandbox issued: start without one rather than with a 401 on every first call.
		env.engine.credentials.secOpsConductorOneApi.accessToken = '';
	});

	const state = () => env.sandbox.state<ConductorOneState>('conductorone');
	const ok = async (parameters: IDataObject) => {
		const result = await env.engine.run(c1Workflow(parameters));
		expect(result.error(C1_NODE)?.message).toBeUndefined();
		return result.json(C1_NODE);
	};
	const requests = (path: string) => env.sandbox.requests.filter((r) => r.path === path);

	it('User Search by email (exact) and Get with the manager expanded', async () => {
		const [alice] = await ok({ resource: 'user', operation: 'search', searchBy: 'email', email: 'ALICE.anders@acme.example' });
		expect(alice).toEqual(expect.objectContaining({ id: 'u-alice', displayName: 'Alice Anders', status: 'ENABLED' }));
		expect(requests('/api/v1/search/users')[0].body).toEqual({ email: 'ALICE.anders@acme.example', pageSize: 50 });
		const [user] = await ok({ resource: 'user', operation: 'get', userId: 'u-alice' });
		expect(user).toEqual(expect.objectContaining({ id: 'u-alice', managers: expect.objectContaining({ id: 'u-bob' }) }));
	});

	it('User Search by text pages with pageSize/pageToken in the body until the last page', async () => {
		const staff = await ok({ resource: 'user', operation: 'search', searchBy: 'query', query: 'staff', returnAll: true });
		expect(staff).toHaveLength(110);
		expect(new Set(staff.map((u) => u.id)).size).toBe(110);
		const bodies = requests('/api/v1/search/users').map((r) => r.body as IDataObject);
		expect(bodies.map((b) => b.pageSize)).toEqual([100, 100]);
		expect(bodies[0].pageToken).toBeUndefined();
		expect(bodies[1].pageToken).toEqual(expect.any(String));
	});

	it('App Get Many and Get', async () => {
		const apps = await ok({ resource: 'app', operation: 'getMany', returnAll: true });
		expect(apps.map((a) => a.id)).toEqual(state().apps.map((a) => a.id));
		expect(requests('/api/v1/apps')[0].query).toEqual({ page_size: ['100'] });
		const [aws] = await ok({ resource: 'app', operation: 'get', appId: 'app-aws' });
		expect(aws).toEqual(expect.objectContaining({ displayName: 'AWS Production', revokePolicyId: 'pol-manager' }));
	});

	it('Entitlement Get Many pages with page_size/page_token in the query; a limit below 10 still asks for 10', async () => {
		const all = await ok({ resource: 'entitlement', operation: 'getMany', appId: 'app-github', returnAll: true });
		expect(all).toHaveLength(106);
		const queries = requests('/api/v1/apps/app-github/entitlements').map((r) => r.query);
		expect(queries[0]).toEqual({ page_size: ['100'] });
		expect(queries[1]).toEqual({ page_size: ['100'], page_token: [expect.any(String)] });
		env.sandbox.requests.length = 0;
		const few = await ok({ resource: 'entitlement', operation: 'getMany', appId: 'app-github', limit: 3 });
		expect(few).toHaveLength(3);
		expect(requests('/api/v1/apps/app-github/entitlements').map((r) => r.query.page_size)).toEqual([['10']]);
	});

	it('Entitlement Search by text with the app expanded in place', async () => {
		const found = await ok({ resource: 'entitlement', operation: 'search', query: 'admin', returnAll: true });
		// The XSOAR app the sandbox syncs from its hosted XSOAR has an Administrator role.
		expect(found.map((e) => e.id).sort()).toEqual(['ent-aws-admin', 'ent-salesforce-admin', 'ent-xsoar-role-administrator']);
		expect(found[0].app).toEqual(expect.objectContaining({ displayName: expect.any(String) }));
		expect(found[0].app).not.toHaveProperty('@type');
		const inAws = await ok({ resource: 'entitlement', operation: 'search', query: 'access', appIds: 'app-aws', returnAll: true });
		expect(inAws.map((e) => e.id).sort()).toEqual(['ent-aws-admin', 'ent-aws-readonly']);
	});

	it('App User Search by user, optionally in one app', async () => {
		const accounts = await ok({ resource: 'appUser', operation: 'search', searchBy: 'user', userId: 'u-alice', returnAll: true });
		expect(accounts.map((a) => a.appId).sort()).toEqual(['app-aws', 'app-github', 'app-okta', 'app-salesforce']);
		const [github] = await ok({ resource: 'appUser', operation: 'search', searchBy: 'user', userId: 'u-alice', appId: 'app-github', returnAll: true });
		expect(github).toEqual(expect.objectContaining({ id: 'au-github-alice', identityUserId: 'u-alice' }));
	});

	it('Connector Force Sync is queued, then done on a later read', async () => {
		const [queued] = await ok({ resource: 'connector', operation: 'forceSync', appId: 'app-github', connectorId: 'conn-github' });
		expect(queued).toEqual({ outcome: 'syncQueued', appId: 'app-github', connectorId: 'conn-github' });
		const [running] = await ok({ resource: 'connector', operation: 'getMany', appId: 'app-github', returnAll: true });
		expect(running).toEqual(expect.objectContaining({ id: 'conn-github', syncStatus: 'SYNC_STATUS_RUNNING' }));
		const [done] = await ok({ resource: 'connector', operation: 'getMany', appId: 'app-github', returnAll: true });
		expect(done.syncStatus).toBe('SYNC_STATUS_DONE');
		expect(requests('/api/v1/apps/app-github/connectors/conn-github/force_sync')[0].body).toEqual({});
	});
});
