import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import { searchGroups, searchUsers } from '../../nodes/Okta/methods/listSearch';
import { OKTA_NODE, oktaWorkflow } from './workflow';

/** The "From List" pickers, run in n8n-core's LoadOptionsContext (what the editor calls) against the sandbox. */
describe('Okta resource locator lists', () => {
	let env: SandboxEngine;
	let context: ILoadOptionsFunctions;
	beforeAll(async () => {
		env = await startSandboxEngine();
		const workflow = env.engine.workflow(oktaWorkflow({ resource: 'user', operation: 'get' }));
		context = new LoadOptionsContext(workflow, workflow.getNode(OKTA_NODE)!, env.engine.additionalData(), 'parameters.user');
	});
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	it('lists users page by page with a cursor, and searches by prefix', async () => {
		const first = await searchUsers.call(context);
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Alice Anders (alice.anders@acme.example)', value: '00u0001sbxabcdefghij' });
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await searchUsers.call(context, undefined, first.paginationToken);
		expect(second.results.length).toBeGreaterThan(0);
		expect(second.results[0].value).not.toBe(first.results[0].value);
		const found = await searchUsers.call(context, 'bob');
		expect(found.results.every((r) => /bob/i.test(String(r.name)))).toBe(true);
	});

	it('lists groups and searches them by name prefix', async () => {
		const all = await searchGroups.call(context);
		expect(all.results.map((r) => r.name)).toEqual(expect.arrayContaining(['Everyone', 'Quarantine', 'VPN Users']));
		const vpn = await searchGroups.call(context, 'VPN');
		expect(vpn.results).toEqual([{ name: 'VPN Users', value: expect.stringMatching(/^00g/) }]);
		expect(env.sandbox.requests.at(-1)?.query).toEqual({ q: ['VPN'], limit: ['50'] });
	});
});
