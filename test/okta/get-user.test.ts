import type { SandboxEngine } from '../harness';
import { startSandboxEngine, testWorkflow } from '../harness';

const workflow = testWorkflow('okta-get-user.workflow.json');

describe('Okta Get User through n8n-core WorkflowExecute', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	it('reads the user named by the incoming item and simplifies it', async () => {
		const result = await env.engine.run(workflow, { items: [{ json: { login: 'bob.anders@acme.example' } }] });
		expect(result.error('Get Okta User')).toBeUndefined();
		const [user] = result.json('Get Okta User');
		expect(user).toEqual(
			expect.objectContaining({
				id: '00u0002sbxabcdefghij',
				login: 'bob.anders@acme.example',
				status: 'ACTIVE',
				firstName: 'Bob',
			}),
		);
		expect(result.output('Get Okta User')[0].pairedItem).toEqual({ item: 0 });
		const [call] = env.sandbox.requests;
		expect(call).toEqual(expect.objectContaining({ method: 'GET', path: '/api/v1/users/bob.anders%40acme.example' }));
	});

	it('returns the raw Okta user when Simplify is off', async () => {
		const raw = structuredClone(workflow);
		raw.nodes[0].parameters.simplify = false;
		const result = await env.engine.run(raw, { items: [{ json: { login: 'bob.anders@acme.example' } }] });
		const [user] = result.json('Get Okta User');
		expect(user.profile).toEqual(expect.objectContaining({ login: 'bob.anders@acme.example' }));
		expect(user._links ?? user.credentials).toBeDefined();
	});

	it("fails with Okta's own message and code for an unknown user", async () => {
		const result = await env.engine.run(workflow, { items: [{ json: { login: 'nobody@acme.example' } }] });
		const error = result.error('Get Okta User');
		expect(error?.message).toBe('Okta: Not found: Resource not found: nobody@acme.example (User)');
		expect(error?.httpCode).toBe('404');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('keeps going with Continue On Fail, pairing each error to its item', async () => {
		const tolerant = structuredClone(workflow);
		tolerant.nodes[0].onError = 'continueRegularOutput';
		const result = await env.engine.run(tolerant, {
			items: [{ json: { login: 'nobody@acme.example' } }, { json: { login: 'alice.anders@acme.example' } }],
		});
		const output = result.output('Get Okta User');
		expect(output).toHaveLength(2);
		expect(output[0]).toEqual({ json: expect.objectContaining({ error: expect.stringContaining('Not found') }), pairedItem: { item: 0 } });
		expect(output[1].json.login).toBe('alice.anders@acme.example');
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it.each([
		['an empty login', '', 'User is empty'],
		['path traversal', '../../api/v1/groups', 'is not a valid identifier'],
		['a CR/LF header injection', 'alice@acme.example\r\nX-Evil: 1', 'is not a valid identifier'],
	])('rejects %s before sending anything', async (_case, login, message) => {
		const result = await env.engine.run(workflow, { items: [{ json: { login } }] });
		expect(result.error('Get Okta User')?.message).toContain(message);
		expect(result.error('Get Okta User')?.context?.itemIndex).toBe(0);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
