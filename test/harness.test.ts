import type { SandboxEngine } from './harness';
import { registeredCredentials, registeredNodes, startSandboxEngine, testWorkflow } from './harness';

describe('engine harness', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	it("runs n8n's own Manual Trigger and Switch nodes next to ours, from the same workflow JSON users import", async () => {
		const workflow = testWorkflow('switch-routing.workflow.json');
		// A Manual Trigger emits one empty item, as in n8n: with nothing to route it lands on the fallback output.
		const manual = await env.engine.run(workflow);
		expect(manual.executed()).toEqual(['Start', 'Route by Risk']);
		expect(manual.json('Route by Risk', 1)).toEqual([{}]);

		const result = await env.engine.run(workflow, {
			startNode: 'Route by Risk',
			items: [
				{ json: { risk: 'HIGH', login: 'alice.anders@acme.example' } },
				{ json: { risk: 'LOW', login: 'bob.anders@acme.example' } },
			],
		});
		expect(result.executed()).toEqual(['Route by Risk', 'Get Okta User']);
		expect(result.json('Route by Risk', 1)).toEqual([{ risk: 'LOW', login: 'bob.anders@acme.example' }]);
		expect(result.json('Get Okta User').map((u) => u.login)).toEqual(['alice.anders@acme.example']);
	});

	it('registers every node and credential package.json declares, under the package prefix', () => {
		for (const [type, node] of registeredNodes()) {
			expect(type).toBe(`n8n-nodes-secops.${node.description.name}`);
		}
		expect(registeredCredentials().size).toBeGreaterThan(0);
	});
});
