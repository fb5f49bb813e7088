import type { IDataObject } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { OKTA_NODE, byId, byLogin, oktaWorkflow } from './workflow';

/** Values an attacker controls (alert text, a phishing email's sender) reaching the node through expressions. */
describe('Okta node refuses bad input before sending anything harmful', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	const run = async (parameters: IDataObject, items = [{ json: {} }, { json: { value: 'x' } }]) => {
		const result = await env.engine.run(oktaWorkflow(parameters), { items });
		return result.error(OKTA_NODE);
	};
	const fromItem = (mode: string) => ({ __rl: true, mode, value: '={{ $json.value }}' });

	it.each([
		['an empty login', 'login', '', 'User is empty'],
		['a malformed login with spaces', 'login', 'alice anders@acme.example', 'is not a valid Okta login'],
		['a malformed user ID', 'id', '00u-not-an-id', 'is not an Okta user ID'],
		['path traversal in an ID', 'id', '../../api/v1/groups', 'is not a valid identifier'],
		['path traversal in a login', 'login', '../lifecycle/deactivate', 'is not a valid identifier'],
		['CR/LF in a login', 'login', 'alice@acme.example\r\nX-Evil: 1', 'is not a valid identifier'],
		['a slash in an ID', 'id', '00u0001sbxabcdefghij/lifecycle', 'is not a valid identifier'],
	])('suspend with %s names the item and the field', async (_case, mode, value, message) => {
		const error = await run({ resource: 'user', operation: 'suspend', user: fromItem(mode) }, [{ json: { value } }]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(error?.message).toMatch(/User|Login/);
		expect(error?.context?.itemIndex).toBe(0);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('names the second item when only it is bad, after the first item went through', async () => {
		const error = await run({ resource: 'user', operation: 'suspend', user: fromItem('login') }, [
			{ json: { value: 'alice.anders@acme.example' } },
			{ json: { value: '../../x' } },
		]);
		expect(error?.context?.itemIndex).toBe(1);
		expect(env.sandbox.requests.map((r) => r.path)).toEqual([`/api/v1/users/${encodeURIComponent('alice.anders@acme.example')}/lifecycle/suspend`]);
	});

	it.each([
		['an unknown group name', 'name', 'No Such Group', 'matches no group'],
		['a group name with a quote', 'name', 'VPN Users" or type eq "OKTA_GROUP', 'matches no group'],
		['a malformed group ID', 'id', '../groups', 'is not a valid identifier'],
		['a group ID of the wrong shape', 'id', '00gshort', 'is not an Okta group ID'],
	])('add user with %s fails clearly and changes nothing', async (_case, mode, value, message) => {
		const error = await run({ resource: 'group', operation: 'addUser', group: fromItem(mode), user: byLogin('alice.anders@acme.example') }, [{ json: { value } }]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(message);
		expect(error?.context?.itemIndex).toBe(0);
		expect(env.sandbox.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
	});

	it("an unknown group ID gets Okta's 404 as a NodeApiError naming the item", async () => {
		const error = await run({ resource: 'group', operation: 'get', group: byId('00g9999sbxabcdefghij') }, [{ json: {} }]);
		expect(error?.message).toBe('Okta: Not found: Resource not found: 00g9999sbxabcdefghij (UserGroup)');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('quotes attacker text in a login search, so it cannot widen the filter', async () => {
		const attack = 'nobody@acme.example" or status eq "ACTIVE';
		const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'getMany', searchBy: 'login', login: '={{ $json.value }}', returnAll: true }), { items: [{ json: { value: attack } }] });
		expect(result.error(OKTA_NODE)).toBeUndefined();
		expect(result.json(OKTA_NODE)).toEqual([]);
		expect(env.sandbox.requests[0].query.search).toEqual(['profile.login eq "nobody@acme.example\\" or status eq \\"ACTIVE"']);
	});

	it('quotes attacker text in System Log filters built from item data', async () => {
		const attack = '1.2.3.4" or eventType pr or client.ipAddress eq "5.6.7.8';
		const result = await env.engine.run(oktaWorkflow({ resource: 'systemLog', operation: 'getMany', filters: { ipAddress: '={{ $json.value }}' }, returnAll: true }), { items: [{ json: { value: attack } }] });
		expect(result.error(OKTA_NODE)).toBeUndefined();
		expect(result.json(OKTA_NODE)).toEqual([]);
		const [call] = env.sandbox.requests;
		expect(call.query.filter).toEqual(['client.ipAddress eq "1.2.3.4\\" or eventType pr or client.ipAddress eq \\"5.6.7.8"']);
	});

	it('refuses line breaks in a filter value instead of sending them', async () => {
		const error = await run({ resource: 'user', operation: 'getMany', searchBy: 'email', email: '={{ $json.value }}' }, [{ json: { value: 'a@b.c\n" or status pr' } }]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('Email');
		expect(error?.message).toContain('line breaks');
		expect(error?.context?.itemIndex).toBe(0);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('refuses an empty login search value', async () => {
		const error = await run({ resource: 'user', operation: 'getMany', searchBy: 'login', login: '' }, [{ json: {} }]);
		expect(error?.message).toBe('Login is empty');
		expect(env.sandbox.requests).toHaveLength(0);
	});

	it('leaves the org untouched by every refused request above', () => {
		const state = env.sandbox.state<OktaState>('okta');
		expect(state.users.filter((u) => u.status === 'SUSPENDED')).toHaveLength(1);
	});
});
