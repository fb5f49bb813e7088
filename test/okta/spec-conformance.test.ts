import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { SandboxEngine, WorkflowJson } from '../harness';
import { Engine, startSandboxEngine } from '../harness';
import type { RecordedRequest } from '../../sandbox';
import { oktaAdmin } from '../../sandbox/vendors/okta/admin';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import subset from './okta-spec-subset.json';
import { OKTA_NODE, byId, byLogin, byName, oktaWorkflow } from './workflow';

/** Generated from okta-management.yaml by scripts/okta-spec-subset.ts (tests cannot read the spec itself). */
const OPERATIONS = subset.operations.map((op) => ({
	...op,
	regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

function specFor(request: RecordedRequest) {
	return OPERATIONS.find((op) => op.method === request.method && op.regex.test(request.path));
}

const ALICE = 'alice.anders@acme.example';
const LOCKED = 'olivia.garcia@acme.example';

describe("every request the Okta nodes send matches Okta's management API spec", () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());

	const state = () => env.sandbox.state<OktaState>('okta');
	const run = async (parameters: IDataObject) => {
		const result = await env.engine.run(oktaWorkflow(parameters));
		expect(result.error(OKTA_NODE)?.message).toBeUndefined();
	};
	const trigger = (type: string, parameters: IDataObject): WorkflowJson => ({
		nodes: [
			{
				id: '7c0c3e0e-0000-4000-8000-0000000000f1',
				name: 'T',
				type: `n8n-nodes-secops.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: parameters as INodeParameters,
				credentials: {
					secOpsOktaApi: { id: 'okta-sandbox', name: 'Okta Sandbox' },
					secOpsOktaEventHookApi: { id: 'okta-hook-secret', name: 'Okta Hook Secret' },
				},
			},
		],
		connections: {},
	});

	it('runs every operation, both triggers and hook registration, and checks method, path and query of each call', async () => {
		env.sandbox.reset();
		const quarantine = state().groups.find((g) => g.profile.name === 'Quarantine')!.id;
		const alice = state().users.find((u) => u.profile.login === ALICE)!.id;
		const user = { resource: 'user', user: byLogin(ALICE) };
		await run({ ...user, operation: 'get' });
		await run({ resource: 'user', operation: 'getMany', searchBy: 'login', login: ALICE });
		await run({ resource: 'user', operation: 'getMany', searchBy: 'prefix', prefix: 'al', limit: 5 });
		await run({ resource: 'user', operation: 'getMany', returnAll: true });
		await run({ ...user, operation: 'getGroups' });
		await run({ ...user, operation: 'suspend' });
		await run({ ...user, operation: 'suspend' });
		await run({ ...user, operation: 'unsuspend' });
		await run({ resource: 'user', operation: 'unlock', user: byLogin(LOCKED) });
		await run({ ...user, operation: 'resetPassword', delivery: 'link' });
		await run({ ...user, operation: 'expirePassword' });
		await run({ ...user, operation: 'expirePassword', temporaryPassword: true });
		await run({ ...user, operation: 'resetFactors' });
		await run({ ...user, operation: 'clearSessions' });
		await run({ ...user, operation: 'deactivate' });
		await run({ ...user, operation: 'activate', sendEmail: false });
		await run({ resource: 'group', operation: 'get', group: byName('Quarantine') });
		await run({ resource: 'group', operation: 'getMany', returnAll: true });
		await run({ resource: 'group', operation: 'getMany', searchBy: 'prefix', name: 'VPN' });
		await run({ resource: 'group', operation: 'getMembers', group: byId(quarantine), returnAll: true });
		await run({ resource: 'group', operation: 'addUser', group: byId(quarantine), user: byId(alice) });
		await run({ resource: 'group', operation: 'removeUser', group: byId(quarantine), user: byId(alice) });
		await run({ resource: 'systemLog', operation: 'getMany', since: '2026-11-01T00:00:00Z', filters: { eventType: 'user.session.start' }, q: 'Frankfurt', limit: 10 });
		await run({ resource: 'systemLog', operation: 'getMany', returnAll: true, sortOrder: 'ASCENDING' });

		const poller = trigger('oktaTrigger', { event: 'failedSignIns', options: { pageSize: 5 } });
		const first = await env.engine.poll(poller, 'T', { persist: 'always' });
		oktaAdmin.appendLogEvents(state(), { count: 12 });
		await env.engine.poll(poller, 'T', { staticData: first.staticData, persist: 'always' });
		await env.engine.poll(poller, 'T', { mode: 'manual' });

		const hook = trigger('oktaEventHookTrigger', { register: true });
		const hookEngine = new Engine({ ...env.engine.credentials, secOpsOktaEventHookApi: { headerName: 'Authorization', secret: 'x'.repeat(32) } });
		const created = await hookEngine.webhookLifecycle(hook, 'T', 'create').catch((error: Error) => error);
		expect(created).toBeInstanceOf(Error); // nobody listens at the default URL, so Okta's verification fails
		await hookEngine.webhookLifecycle(hook, 'T', 'checkExists');

		const requests = env.sandbox.requests.filter((r) => !r.path.startsWith('/oauth2/'));
		expect(requests.length).toBeGreaterThan(30);
		const problems: string[] = [];
		const used = new Set<string>();
		for (const request of requests) {
			const op = specFor(request);
			if (!op) {
				problems.push(`${request.method} ${request.path}: no such operation in the spec`);
				continue;
			}
			used.add(op.operationId ?? '');
			for (const name of Object.keys(request.query)) {
				if (!op.query.includes(name)) problems.push(`${request.method} ${request.path}: query parameter "${name}" is not in ${op.operationId}`);
			}
			for (const name of op.requiredQuery) {
				if (!(name in request.query)) problems.push(`${request.method} ${request.path}: required query parameter "${name}" missing`);
			}
		}
		expect(problems).toEqual([]);
		// The tour really covers what the package calls.
		expect([...used].sort()).toEqual(
			expect.arrayContaining([
				'activateUser', 'assignUserToGroup', 'createEventHook', 'deactivateUser', 'expirePassword', 'expirePasswordWithTempPassword',
				'getGroup', 'getUser', 'listEventHooks', 'listGroupUsers', 'listGroups', 'listLogEvents', 'listUserGroups', 'listUsers',
				'resetFactors', 'resetPassword', 'revokeUserSessions', 'suspendUser', 'unassignUserFromGroup', 'unlockUser', 'unsuspendUser',
				'verifyEventHook', 'deactivateEventHook', 'deleteEventHook',
			]),
		);
	});

	it('would catch a request the spec does not allow', () => {
		const bogus = { method: 'POST', path: '/api/v1/users/00u1/lifecycle/suspend', query: { force: ['true'] } } as unknown as RecordedRequest;
		const op = specFor(bogus)!;
		expect(op.operationId).toBe('suspendUser');
		expect(op.query).not.toContain('force');
		expect(specFor({ method: 'PATCH', path: '/api/v1/users/00u1' } as unknown as RecordedRequest)).toBeUndefined();
	});
});
