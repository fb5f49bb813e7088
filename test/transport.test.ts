import type { SandboxEngine } from './harness';
import { startSandboxEngine, testWorkflow } from './harness';

const workflow = testWorkflow('okta-get-user.workflow.json');
const alice = [{ json: { login: 'alice.anders@acme.example' } }];

describe('shared transport, seen through a real node run against the sandbox', () => {
	let env: SandboxEngine;
	let token: string;
	beforeAll(async () => {
		env = await startSandboxEngine();
		token = env.engine.credentials.secOpsOktaApi.apiToken as string;
	});
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	it("turns a vendor error into NodeApiError with the vendor's message, code and a fix hint", async () => {
		env.sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 403, message: 'You do not have permission to perform the requested action', times: 1 });
		const result = await env.engine.run(workflow, { items: alice });
		const error = result.error('Get Okta User');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Okta: You do not have permission to perform the requested action');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toMatch(/admin role or scope/);
	});

	it('waits out a 429 until X-Rate-Limit-Reset and then succeeds', async () => {
		env.sandbox.faults.add({ vendor: 'okta', kind: 'rateLimit', resetInSeconds: 1, times: 1 });
		const started = Date.now();
		const result = await env.engine.run(workflow, { items: alice });
		expect(result.error('Get Okta User')).toBeUndefined();
		expect(result.json('Get Okta User')[0].login).toBe('alice.anders@acme.example');
		expect(env.sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
		// Okta's reset is in whole epoch seconds, plus the one-second margin Okta advises.
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('honours the sandbox rate limiter across many calls', async () => {
		env.sandbox.rateLimiter.setLimit('okta', '/api/v1/users/:id', 3, 1000);
		const items = Array.from({ length: 8 }, () => alice[0]);
		const result = await env.engine.run(workflow, { items });
		expect(result.error('Get Okta User')).toBeUndefined();
		expect(result.json('Get Okta User')).toHaveLength(8);
		expect(env.sandbox.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
	});

	it('fails clearly, without waiting, when the vendor asks for a wait beyond the budget', async () => {
		env.sandbox.faults.add({ vendor: 'okta', kind: 'rateLimit', resetInSeconds: 600 });
		const started = Date.now();
		const result = await env.engine.run(workflow, { items: alice });
		const error = result.error('Get Okta User');
		expect(error?.message).toMatch(/^Okta rate limit still exceeded after 1 attempts\. The limit resets in 60\d s\.$/);
		expect(error?.httpCode).toBe('429');
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('gives up after the retry budget when the vendor keeps throttling', async () => {
		env.sandbox.faults.add({ vendor: 'okta', kind: 'rateLimit', resetInSeconds: 0 });
		const result = await env.engine.run(workflow, { items: alice });
		expect(result.error('Get Okta User')?.message).toMatch(/rate limit still exceeded after 5 attempts/);
		expect(env.sandbox.requests).toHaveLength(5);
	}, 30000);

	it('retries 503 and dropped connections on reads', async () => {
		env.sandbox.faults.add({ vendor: 'okta', kind: 'status', status: 503, times: 2 });
		env.sandbox.faults.add({ vendor: 'okta', kind: 'reset', times: 1 });
		const result = await env.engine.run(workflow, { items: alice });
		expect(result.error('Get Okta User')).toBeUndefined();
		expect(env.sandbox.requests.map((r) => r.status)).toEqual([503, 503, -1, 200]);
	}, 30000);

	it('retries a malformed JSON body on reads, and names the problem when it persists', async () => {
		env.sandbox.faults.add({ vendor: 'okta', kind: 'malformed', times: 1 });
		expect((await env.engine.run(workflow, { items: alice })).error('Get Okta User')).toBeUndefined();
		env.sandbox.reset();
		env.sandbox.faults.add({ vendor: 'okta', kind: 'malformed' });
		const error = (await env.engine.run(workflow, { items: alice })).error('Get Okta User');
		expect(error?.message).toBe('Okta answered HTTP 200 with a body that is not valid JSON');
	}, 30000);

	it('never lets the credential secret reach an error message or the run record', async () => {
		env.sandbox.faults.add({
			vendor: 'okta',
			kind: 'status',
			status: 400,
			message: `Bad header Authorization: SSWS ${token} (token=${token})`,
		});
		const result = await env.engine.run(workflow, { items: alice });
		const error = result.error('Get Okta User');
		expect(error?.message).toContain('[redacted]');
		const everything = JSON.stringify(result.run) + String(error?.message) + String(error?.description) + JSON.stringify(error);
		expect(everything).not.toContain(token);
	});

	it("keeps Okta's 401 envelope and no secret when the token is wrong", async () => {
		const wrong = 'wrong-token-value-1234567890';
		env.engine.credentials.secOpsOktaApi.apiToken = wrong;
		try {
			const result = await env.engine.run(workflow, { items: alice });
			const error = result.error('Get Okta User');
			expect(error?.message).toBe('Okta: Invalid token provided');
			expect(error?.httpCode).toBe('401');
			expect(JSON.stringify(result.run) + JSON.stringify(error)).not.toContain(wrong);
		} finally {
			env.engine.credentials.secOpsOktaApi.apiToken = token;
		}
	});
});
