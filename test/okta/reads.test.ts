import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { OKTA_NODE, byId, byLogin, byName, oktaWorkflow } from './workflow';

const ALICE = 'alice.anders@acme.example';

describe('Okta reads and group membership through WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<OktaState>('okta');
	const groupId = (name: string) => state().groups.find((g) => g.profile.name === name)!.id;
	const run = async (parameters: IDataObject) => {
		const result = await env.engine.run(oktaWorkflow(parameters));
		return { json: result.json(OKTA_NODE), error: result.error(OKTA_NODE) };
	};

	it('gets many users with Limit, and all of them with Return All across Link pages', async () => {
		const limited = await run({ resource: 'user', operation: 'getMany', limit: 5 });
		expect(limited.json).toHaveLength(5);
		expect(limited.json[0]).toEqual(expect.objectContaining({ id: expect.any(String), login: expect.any(String), status: expect.any(String) }));
		env.sandbox.reset();
		const all = await run({ resource: 'user', operation: 'getMany', returnAll: true });
		expect(all.json).toHaveLength(59); // 60 seeded, one deactivated
	});

	it('finds a user by login and by status through quoted search expressions', async () => {
		const byLoginResult = await run({ resource: 'user', operation: 'getMany', searchBy: 'login', login: ALICE });
		expect(byLoginResult.json.map((u) => u.login)).toEqual([ALICE]);
		expect(env.sandbox.requests[0].query.search).toEqual([`profile.login eq "${ALICE}"`]);
		const suspended = await run({ resource: 'user', operation: 'getMany', searchBy: 'status', status: 'SUSPENDED' });
		expect(suspended.json.map((u) => u.status)).toEqual(['SUSPENDED']);
		const prefix = await run({ resource: 'user', operation: 'getMany', searchBy: 'prefix', prefix: 'ali' });
		expect(prefix.json.length).toBeGreaterThan(0);
		expect(prefix.json.every((u) => /^ali/i.test(String(u.firstName)))).toBe(true);
	});

	it('passes a raw search expression unchanged, and returns raw users with Simplify off', async () => {
		const { json } = await run({ resource: 'user', operation: 'getMany', searchBy: 'raw', search: 'profile.department eq "Finance"', simplify: false, returnAll: true });
		expect(json.length).toBeGreaterThan(0);
		expect(json.every((u) => (u.profile as { department: string }).department === 'Finance')).toBe(true);
	});

	it("answers Okta's 400 for a malformed raw search", async () => {
		const { error } = await run({ resource: 'user', operation: 'getMany', searchBy: 'raw', search: 'profile.login eq alice' });
		expect(error?.message).toBe('Okta: Invalid search criteria.');
		expect(error?.httpCode).toBe('400');
	});

	it("gets a user's groups", async () => {
		const { json } = await run({ resource: 'user', operation: 'getGroups', user: byLogin(ALICE) });
		expect(json.map((g) => g.name)).toEqual(expect.arrayContaining(['Everyone']));
	});

	it('gets a group by ID and by exact name, and lists groups', async () => {
		const byIdResult = await run({ resource: 'group', operation: 'get', group: byId(groupId('Quarantine')) });
		expect(byIdResult.json[0]).toEqual(expect.objectContaining({ name: 'Quarantine', type: 'OKTA_GROUP' }));
		const byNameResult = await run({ resource: 'group', operation: 'get', group: byName('VPN Users') });
		expect(byNameResult.json[0].id).toBe(groupId('VPN Users'));
		const many = await run({ resource: 'group', operation: 'getMany', returnAll: true });
		expect(many.json).toHaveLength(8);
		const named = await run({ resource: 'group', operation: 'getMany', searchBy: 'name', name: 'Finance' });
		expect(named.json.map((g) => g.name)).toEqual(['Finance']);
	});

	it('lists group members with Limit', async () => {
		const { json } = await run({ resource: 'group', operation: 'getMembers', group: byName('Everyone'), limit: 7 });
		expect(json).toHaveLength(7);
		expect(json[0]).toEqual(expect.objectContaining({ login: expect.any(String) }));
	});

	it('adds a user (by login) to the quarantine group and removes it again, logging both', async () => {
		const quarantine = groupId('Quarantine');
		const alice = state().users.find((u) => u.profile.login === ALICE)!;
		const added = await run({ resource: 'group', operation: 'addUser', group: byName('Quarantine'), user: byLogin(ALICE) });
		expect(added.json[0]).toEqual({ outcome: 'added', groupId: quarantine, userId: alice.id });
		expect(state().memberships[quarantine]).toContain(alice.id);
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toContain(`PUT /api/v1/groups/${quarantine}/users/${alice.id}`);
		const removed = await run({ resource: 'group', operation: 'removeUser', group: byId(quarantine), user: byId(alice.id) });
		expect(removed.json[0].outcome).toBe('removed');
		expect(state().memberships[quarantine]).not.toContain(alice.id);
		const types = state().logs.events.map((e) => e.eventType);
		expect(types).toEqual(expect.arrayContaining(['group.user_membership.add', 'group.user_membership.remove']));
	});

	it('returns the membership request on Dry Run without changing anything', async () => {
		const quarantine = groupId('Quarantine');
		const alice = state().users.find((u) => u.profile.login === ALICE)!;
		const { json } = await run({ resource: 'group', operation: 'addUser', group: byId(quarantine), user: byId(alice.id), dryRun: true });
		expect(json[0]).toEqual({ dryRun: true, method: 'PUT', url: `${env.sandbox.vendorUrl('okta')}/api/v1/groups/${quarantine}/users/${alice.id}` });
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('reads System Log events newest first, simplified with risk and behaviours', async () => {
		const { json } = await run({ resource: 'systemLog', operation: 'getMany', filters: { eventType: 'user.session.start' }, filter: 'securityContext.risk.level eq "HIGH"', limit: 3 });
		expect(json).toHaveLength(3);
		expect(json[0]).toEqual(expect.objectContaining({ eventType: 'user.session.start', riskLevel: 'HIGH', behaviors: expect.arrayContaining(['New Geo-Location']) }));
		expect(json[0].raw).toBeUndefined();
		expect(Date.parse(String(json[0].published))).toBeGreaterThanOrEqual(Date.parse(String(json[1].published)));
		const [call] = env.sandbox.requests;
		expect(call.query.filter).toEqual(['(eventType eq "user.session.start") and (securityContext.risk.level eq "HIGH")']);
		expect(call.query.sortOrder).toEqual(['DESCENDING']);
	});

	it('returns all matching System Log events across pages with Return All, and stops at the bounded end', async () => {
		const { json } = await run({ resource: 'systemLog', operation: 'getMany', filters: { outcome: 'FAILURE' }, returnAll: true, sortOrder: 'ASCENDING', simplify: false });
		const expected = state().logs.events.filter((e) => e.outcome.result === 'FAILURE').length;
		expect(json).toHaveLength(expected);
		expect(env.sandbox.requests.every((r) => r.query.until !== undefined || r.query.after !== undefined)).toBe(true);
	});
});
