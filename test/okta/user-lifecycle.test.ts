import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { OKTA_NODE, byLogin, loginFromItem, oktaWorkflow } from './workflow';

const ALICE = 'alice.anders@acme.example';
const SUSPENDED = 'grace.diaz@acme.example'; // seed user 7
const LOCKED = 'olivia.garcia@acme.example'; // seed user 13
const STAGED = 'alice.anders21@acme.example'; // seed user 21

describe('Okta user lifecycle operations through WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const state = () => env.sandbox.state<OktaState>('okta');
	const user = (login: string) => state().users.find((u) => u.profile.login === login)!;
	const logTypes = (login: string) => state().logs.events.filter((e) => e.target.some((t) => t.alternateId === login)).map((e) => e.eventType);
	const run = async (operation: string, login: string, extra: Record<string, unknown> = {}) => {
		const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation, user: byLogin(login), ...extra }));
		return { result, json: result.json(OKTA_NODE), error: result.error(OKTA_NODE) };
	};

	it('seed users the tests rely on have the expected statuses', () => {
		expect(user(SUSPENDED).status).toBe('SUSPENDED');
		expect(user(LOCKED).status).toBe('LOCKED_OUT');
		expect(user(STAGED).status).toBe('STAGED');
	});

	it('suspends an active user, logs user.lifecycle.suspend, and unsuspends it back', async () => {
		const suspended = await run('suspend', ALICE);
		expect(suspended.error).toBeUndefined();
		expect(suspended.json).toEqual([expect.objectContaining({ outcome: 'suspended', user: ALICE })]);
		expect(user(ALICE).status).toBe('SUSPENDED');
		expect(logTypes(ALICE)).toContain('user.lifecycle.suspend');
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /api/v1/users/${encodeURIComponent(ALICE)}/lifecycle/suspend`]);

		const restored = await run('unsuspend', ALICE);
		expect(restored.json[0].outcome).toBe('unsuspended');
		expect(user(ALICE).status).toBe('ACTIVE');
		expect(logTypes(ALICE)).toContain('user.lifecycle.unsuspend');
	});

	it('reports an already suspended user as an outcome, not a failure, after reading its status', async () => {
		const { json, error } = await run('suspend', SUSPENDED);
		expect(error).toBeUndefined();
		expect(json).toEqual([expect.objectContaining({ outcome: 'alreadySuspended', status: 'SUSPENDED' })]);
		expect(env.sandbox.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 403', 'GET 200']);
	});

	it('still fails when Okta refuses and the user is not in the goal state (suspend a staged user)', async () => {
		const { error } = await run('suspend', STAGED);
		expect(error?.message).toBe("Okta: This operation is not allowed in the user's current status (the user's status is STAGED)");
		expect(error?.httpCode).toBe('403');
	});

	it('reports unsuspend of an active user and unlock of an unlocked user as outcomes', async () => {
		expect((await run('unsuspend', ALICE)).json[0].outcome).toBe('alreadyActive');
		expect((await run('unlock', ALICE)).json[0].outcome).toBe('notLockedOut');
	});

	it('unlocks a locked-out user', async () => {
		const { json } = await run('unlock', LOCKED);
		expect(json[0].outcome).toBe('unlocked');
		expect(user(LOCKED).status).toBe('ACTIVE');
		expect(logTypes(LOCKED)).toContain('user.account.unlock');
	});

	it('deactivates, then activates with the link returned instead of emailed', async () => {
		expect((await run('deactivate', ALICE)).json[0].outcome).toBe('deactivated');
		expect(user(ALICE).status).toBe('DEPROVISIONED');
		expect((await run('deactivate', ALICE)).json[0].outcome).toBe('alreadyDeactivated');
		const activated = await run('activate', ALICE, { sendEmail: false });
		expect(activated.json[0]).toEqual(expect.objectContaining({ outcome: 'activated', activationUrl: expect.any(String) }));
		expect(user(ALICE).status).toBe('PROVISIONED');
		expect(logTypes(ALICE)).toEqual(expect.arrayContaining(['user.lifecycle.deactivate', 'user.lifecycle.activate']));
	});

	it('reports activating an active user (Okta E0000016) as alreadyActive', async () => {
		const { json, error } = await run('activate', ALICE);
		expect(error).toBeUndefined();
		expect(json[0].outcome).toBe('alreadyActive');
		expect(env.sandbox.requests[0].query).toEqual({ sendEmail: ['true'] });
	});

	it('resets the password with a one-time link and revokes sessions', async () => {
		const { json } = await run('resetPassword', ALICE, { delivery: 'link', revokeSessions: true });
		expect(json[0]).toEqual(expect.objectContaining({ outcome: 'passwordReset', resetPasswordUrl: expect.stringContaining('/reset_password/') }));
		expect(user(ALICE).status).toBe('RECOVERY');
		expect(state().sessions[user(ALICE).id]).toBeUndefined();
		expect(env.sandbox.requests[0].query).toEqual({ sendEmail: ['false'], revokeSessions: ['true'] });
		expect(logTypes(ALICE)).toContain('user.account.reset_password');
	});

	it('expires the password, optionally with a temporary password', async () => {
		const plain = await run('expirePassword', ALICE);
		expect(plain.json[0]).toEqual({ outcome: 'passwordExpired', user: ALICE, userId: user(ALICE).id, status: 'PASSWORD_EXPIRED' });
		env.sandbox.reset();
		const temp = await run('expirePassword', ALICE, { temporaryPassword: true, revokeSessions: true });
		expect(temp.json[0]).toEqual(expect.objectContaining({ outcome: 'passwordExpired', tempPassword: expect.any(String) }));
		expect(env.sandbox.requests[0].path).toMatch(/\/lifecycle\/expire_password_with_temp_password$/);
		expect(logTypes(ALICE)).toContain('user.account.expire_password');
	});

	it('resets all factors', async () => {
		expect(state().factors[user(ALICE).id].length).toBeGreaterThan(0);
		expect((await run('resetFactors', ALICE)).json[0].outcome).toBe('factorsReset');
		expect(state().factors[user(ALICE).id]).toEqual([]);
		expect(logTypes(ALICE)).toContain('user.mfa.factor.reset_all');
	});

	it('clears sessions, revoking OAuth tokens and forgetting devices by default', async () => {
		const id = user(ALICE).id;
		expect(state().grants[id]).toBeDefined();
		const { json } = await run('clearSessions', ALICE);
		expect(json[0].outcome).toBe('sessionsCleared');
		expect(state().sessions[id]).toBeUndefined();
		expect(state().grants[id]).toBeUndefined();
		expect(state().rememberedDevices[id]).toBeUndefined();
		expect(env.sandbox.requests[0]).toEqual(expect.objectContaining({ method: 'DELETE', status: 204, query: { oauthTokens: ['true'], forgetDevices: ['true'] } }));
		expect(logTypes(ALICE)).toContain('user.session.clear');
	});

	it('clears sessions only, keeping OAuth tokens, when the options say so', async () => {
		const id = user(ALICE).id;
		await run('clearSessions', ALICE, { options: { oauthTokens: false, forgetDevices: false } });
		expect(state().grants[id]).toBeDefined();
		expect(state().rememberedDevices[id]).toBe(1);
	});

	it.each(['suspend', 'unsuspend', 'deactivate', 'activate', 'unlock', 'resetPassword', 'expirePassword', 'resetFactors', 'clearSessions'])(
		'%s with Dry Run returns the request and sends nothing',
		async (operation) => {
			const { json } = await run(operation, ALICE, { dryRun: true });
			expect(json[0]).toEqual(expect.objectContaining({ dryRun: true, method: expect.any(String), url: expect.stringContaining(`/api/v1/users/${encodeURIComponent(ALICE)}/`) }));
			expect(env.sandbox.requests).toHaveLength(0);
			expect(user(ALICE).status).toBe('ACTIVE');
		},
	);

	it('suspends every user named by the incoming items, pairing each result', async () => {
		const logins = [ALICE, 'bob.anders@acme.example', SUSPENDED];
		const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'suspend', user: loginFromItem }), { items: logins.map((login) => ({ json: { login } })) });
		expect(result.json(OKTA_NODE).map((j) => j.outcome)).toEqual(['suspended', 'suspended', 'alreadySuspended']);
		expect(result.output(OKTA_NODE).map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
