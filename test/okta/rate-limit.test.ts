import type { SandboxEngine } from '../harness';
import { startSandboxEngine } from '../harness';
import type { OktaState } from '../../sandbox/vendors/okta/state';
import { OKTA_NODE, loginFromItem, oktaWorkflow } from './workflow';

describe('Okta rate limits: 100 suspensions under 20 calls per 2 s', () => {
	let env: SandboxEngine;
	beforeAll(async () => (env = await startSandboxEngine()));
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.reset());

	it('suspends 100 users in one execution with 100 successes and no failed item', async () => {
		const state = env.sandbox.state<OktaState>('okta');
		// Top the org up to 100 active users (the seed has 53).
		const template = state.users.find((u) => u.status === 'ACTIVE')!;
		for (let n = 0; state.users.filter((u) => u.status === 'ACTIVE').length < 100; n++) {
			const login = `bulk.user${n}@acme.example`;
			state.users.push({ ...structuredClone(template), id: `00ubulk${String(n).padStart(13, '0')}`, profile: { ...template.profile, login, email: login } });
		}
		const logins = state.users.filter((u) => u.status === 'ACTIVE').map((u) => u.profile.login);
		expect(logins).toHaveLength(100);

		// The users endpoint family (`/api/v1/users/{id}` and its lifecycle calls) shares one bucket, as in Okta.
		env.sandbox.rateLimiter.setLimit('okta', '/api/v1/users/:id', 20, 2000);
		const result = await env.engine.run(oktaWorkflow({ resource: 'user', operation: 'suspend', user: loginFromItem }), {
			items: logins.map((login) => ({ json: { login } })),
		});

		expect(result.error(OKTA_NODE)).toBeUndefined();
		const outputs = result.json(OKTA_NODE);
		expect(outputs).toHaveLength(100);
		expect(outputs.every((o) => o.outcome === 'suspended' && o.error === undefined)).toBe(true);
		expect(state.users.filter((u) => logins.includes(u.profile.login)).every((u) => u.status === 'SUSPENDED')).toBe(true);
		const throttled = env.sandbox.requests.filter((r) => r.status === 429);
		expect(throttled.length).toBeGreaterThan(0);
		// Every throttled call was waited out and repeated: exactly 100 suspensions went through.
		expect(env.sandbox.requests.filter((r) => r.status === 200)).toHaveLength(100);
		expect(state.logs.events.filter((e) => e.eventType === 'user.lifecycle.suspend')).toHaveLength(100);
	}, 120_000);
});
