import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { Engine } from '../harness';
import { MODES, XSOAR_NODE, modePath, xsoarEngine, xsoarState, xsoarWorkflow } from './helpers';
import type { Mode } from './helpers';

describe.each(MODES)('Cortex XSOAR users, roles and user roles (%s)', (mode: Mode) => {
	let sandbox: Sandbox;
	let engine: Engine;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		engine = xsoarEngine(sandbox, mode);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const run = async (parameters: IDataObject) => await engine.run(xsoarWorkflow(parameters));
	const ok = async (parameters: IDataObject) => {
		const result = await run(parameters);
		expect(result.error(XSOAR_NODE)?.message).toBeUndefined();
		return result.json(XSOAR_NODE);
	};
	const rolesOf = (id: string) => xsoarState(sandbox).users.find((u) => u.id === id)?.roles;
	const writes = () => sandbox.requests.filter((r) => r.path.endsWith('/users/update'));

	it('reads the current user, one user by name, all users (Limit) and all roles', async () => {
		const [me] = await ok({ resource: 'user', operation: 'getCurrent' });
		expect(me).toEqual(expect.objectContaining({ id: 'soar-bot', roles: { roles: ['Administrator'] } }));
		const [bob] = await ok({ resource: 'user', operation: 'get', user: 'bob' });
		expect(bob).toEqual(expect.objectContaining({ username: 'bob', roles: { roles: ['Analyst', 'Incident Responder'] } }));
		expect(await ok({ resource: 'user', operation: 'getMany', returnAll: true })).toHaveLength(7);
		expect(await ok({ resource: 'user', operation: 'getMany', returnAll: false, limit: 2 })).toHaveLength(2);
		const roles = await ok({ resource: 'role', operation: 'getMany', returnAll: true });
		expect(roles.map((r) => r.name)).toEqual(['Administrator', 'Analyst', 'Incident Responder', 'Read-Only']);
		expect(sandbox.requests.map((r) => r.path)).toContain(modePath(mode, '/roles'));
		const missing = await run({ resource: 'user', operation: 'get', user: 'zed' });
		expect(missing.error(XSOAR_NODE)?.message).toBe('Cortex XSOAR has no user "zed"');
	});

	it('adds a role keeping the other roles, then reports "already"; Remove Role reverses it', async () => {
		const [added] = await ok({ resource: 'userRole', operation: 'addRole', user: 'bob', role: 'Read-Only' });
		expect(added).toEqual(expect.objectContaining({ outcome: 'roleAdded', previousRoles: ['Analyst', 'Incident Responder'], roles: ['Analyst', 'Incident Responder', 'Read-Only'] }));
		expect(rolesOf('bob')).toEqual({ roles: ['Analyst', 'Incident Responder', 'Read-Only'] });
		expect(writes().map((r) => r.body)).toEqual([{ id: 'bob', roles: { roles: ['Analyst', 'Incident Responder', 'Read-Only'] } }]);
		const [again] = await ok({ resource: 'userRole', operation: 'addRole', user: 'bob', role: 'Read-Only' });
		expect(again.outcome).toBe('alreadyHadRole');
		const [removed] = await ok({ resource: 'userRole', operation: 'removeRole', user: 'bob', role: 'Read-Only' });
		expect(removed).toEqual(expect.objectContaining({ outcome: 'roleRemoved', roles: ['Analyst', 'Incident Responder'] }));
		expect(rolesOf('bob')).toEqual({ roles: ['Analyst', 'Incident Responder'] });
		const [gone] = await ok({ resource: 'userRole', operation: 'removeRole', user: 'bob', role: 'Read-Only' });
		expect(gone.outcome).toBe('alreadyWithoutRole');
		expect(writes()).toHaveLength(2);
	});

	it('Dry Run shows the full role list it would send and changes nothing', async () => {
		const [preview] = await ok({ resource: 'userRole', operation: 'removeRole', user: 'bob', role: 'Analyst', dryRun: true });
		expect(preview).toEqual(
			expect.objectContaining({
				dryRun: true,
				method: 'POST',
				url: `${sandbox.credentials('xsoar').url as string}${modePath(mode, '/users/update')}`,
				body: { id: 'bob', roles: { roles: ['Incident Responder'] } },
			}),
		);
		expect(JSON.stringify(preview)).not.toContain(String(sandbox.credentials('xsoar').apiKey));
		expect(writes()).toHaveLength(0);
		expect(rolesOf('bob')).toEqual({ roles: ['Analyst', 'Incident Responder'] });
	});

	it("refuses the API key's own user, a user's last role and an unknown role, without writing", async () => {
		const self = await run({ resource: 'userRole', operation: 'removeRole', user: 'soar-bot', role: 'Administrator' });
		expect(self.error(XSOAR_NODE)?.message).toBe('User "soar-bot" is the API key\'s own user; its roles are not changed');
		const last = await run({ resource: 'userRole', operation: 'removeRole', user: 'alice', role: 'Analyst' });
		expect(last.error(XSOAR_NODE)?.message).toBe('"Analyst" is the last role of user "alice"');
		const unknown = await run({ resource: 'userRole', operation: 'addRole', user: 'alice', role: 'Root' });
		expect(unknown.error(XSOAR_NODE)?.message).toBe('Cortex XSOAR has no role "Root"');
		expect(unknown.error(XSOAR_NODE)?.description).toContain('Administrator, Analyst');
		expect(writes()).toHaveLength(0);
	});
});

describe("Cortex XSOAR's own messages for a wrong key, key ID or key level", () => {
	let sandbox: Sandbox;
	beforeAll(async () => (sandbox = await startSandbox({ port: 0 })));
	afterAll(async () => await sandbox.close());

	const current = async (engine: Engine) => (await engine.run(xsoarWorkflow({ resource: 'user', operation: 'getCurrent' }))).error(XSOAR_NODE);

	it('XSOAR 6: a wrong key is answered 403 "Issue with CSRF code"', async () => {
		const error = await current(xsoarEngine(sandbox, 'v6', { apiKey: 'not-the-key' }));
		expect(error?.message).toBe('Cortex XSOAR: Issue with CSRF code');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toContain('API key is wrong or missing');
	});

	it.each([
		['a wrong key', 'v8 standard', { apiKey: 'wrong' }],
		['a wrong key ID', 'v8 standard', { apiKeyId: '99' }],
		['a standard key sent as advanced', 'v8 standard', { keyType: 'advanced' }],
		['an advanced key sent as standard', 'v8 advanced', { keyType: 'standard' }],
	] as const)('XSOAR 8: %s is answered 401 "Public API request unauthorized"', async (_label, mode, override) => {
		const error = await current(xsoarEngine(sandbox, mode, override));
		expect(error?.message).toBe('Cortex XSOAR: Public API request unauthorized');
		expect(error?.httpCode).toBe('401');
		expect(error?.description).toContain('key type');
		expect(JSON.stringify(error)).not.toContain(String(sandbox.credentials('xsoar').v8ApiKey));
	});

	it('a 429 is waited out using Retry-After, then the call goes through', async () => {
		sandbox.reset();
		sandbox.faults.add({ vendor: 'xsoar', path: '/users$', kind: 'rateLimit', times: 1, resetInSeconds: 1 });
		const result = await xsoarEngine(sandbox, 'v8 advanced').run(xsoarWorkflow({ resource: 'user', operation: 'getMany', returnAll: true }));
		expect(result.error(XSOAR_NODE)?.message).toBeUndefined();
		expect(result.json(XSOAR_NODE)).toHaveLength(7);
		expect(sandbox.requests.filter((r) => r.path === '/xsoar/users').map((r) => r.status)).toEqual([429, 200]);
	});

	it('a Read-Only user\'s key may not create incidents: XSOAR\'s permission message', async () => {
		const engine = xsoarEngine(sandbox, 'v6', { apiKey: sandbox.credentials('xsoar').readOnlyApiKey });
		const result = await engine.run(xsoarWorkflow({ resource: 'incident', operation: 'create', name: 'x', severity: 'low' }));
		expect(result.error(XSOAR_NODE)?.message).toBe('Cortex XSOAR: Insufficient permissions');
	});
});
